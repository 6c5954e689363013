"""The place as data: titles, source lines, rows and file names take the place from the report
records (`place`, `place_en`, else the title), never from code (SYNTHETIC fixtures)."""

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from dashboard.chart_rows import titles
from dashboard.data import build_data
from dashboard.scope import chart_scope, file_stem, record_subtitle, scope_label, years_text
from dashboard.scorecard import scorecard_table
from dashboard.sources import cite, place_name, report_place
from dashboard.tables import display_table
from loaders import Report
from loaders.load.targets import load_targets
from loaders.model import PartialDate

AS_OF = dt.date(2026, 1, 1)
PLACES = Path(__file__).resolve().parent / "fixtures" / "places"
LONGMEN = Report(
    id="lm-2025",
    title="政府工作报告",
    title_en="Government Work Report",
    date=PartialDate(2025),
    place="龙门县",
    place_en="Longmen County",
)


@pytest.fixture(scope="module")
def two_places():
    """Return the dashboard's data of the SYNTHETIC record of two counties."""
    return build_data(load_targets(PLACES / "targets.yaml"), AS_OF)


def test_a_report_titled_just_work_report_takes_its_place_from_the_record():
    assert report_place(LONGMEN, "zh") == "龙门县"
    assert report_place(LONGMEN, "en") == "Longmen County"
    assert cite(LONGMEN, "zh", "龙门县") == "政府工作报告（2025）"
    assert cite(LONGMEN, "en", "Longmen County") == "Government Work Report (2025)"


def test_a_year_the_title_gives_is_not_repeated_and_renmin_goes_with_the_place():
    report = Report(
        id="lm-2025",
        title="龙门县人民政府工作报告（2025年）",
        title_en="Longmen County Government Work Report 2025",
        date=PartialDate(2025),
        place="龙门县",
        place_en="Longmen County",
    )
    assert cite(report, "zh", "龙门县") == "政府工作报告（2025年）"
    assert "人民政府工作报告（2025年）（2025）" not in cite(report, "zh", "龙门县")


def test_a_title_without_a_place_field_still_names_it():
    report = Report(
        id="x",
        title="清远市清城区人民政府工作报告（2022年）",
        title_en="Qingcheng District Government Work Report 2022",
        date=PartialDate(2022, 3, 15),
    )
    assert report_place(report, "zh") == "清远市清城区"
    assert place_name([report], "en") == "Qingcheng District"


def test_one_place_reads_as_before(two_places):
    frame = two_places.frame[two_places.frame["place_en"] == "Jia County"]
    scope = chart_scope(two_places.result.targets, frame, "en", "2025-01-18")
    assert scope_label(scope) == "Jia County, 2024 and 2025 targets"
    assert file_stem(scope, "rates").startswith("jia-county-2024-2025-rates")
    assert "Place" not in display_table(frame, "en")


def test_several_places_are_counted_in_titles_and_named_in_each_row(two_places):
    frame = two_places.frame
    targets = two_places.result.targets
    scope = chart_scope(targets, frame, "en", "2025-01-22")
    assert scope_label(scope) == "2 places, 2024 and 2025 targets"
    assert (
        scope_label(chart_scope(targets, frame, "zh", "2025-01-22")) == "2个地方，2024、2025年目标"
    )
    assert file_stem(scope, "rates").startswith("2-places-2024-2025-rates")
    assert record_subtitle(targets, "en") == (
        "What the government work reports of Jia County, Yi County promised, and what was reported"
    )
    table = display_table(frame, "en")
    assert list(table["Place"])[:3] == ["Jia County", "Jia County", "Yi County"]
    assert titles(frame, "zh")[2] == "乙县·地区生产总值增长（2024年）"
    card = scorecard_table(frame, scope)
    assert all(name.split(" · ")[0] in ("Jia County", "Yi County") for name in card.iloc[:, 0])


def test_a_run_of_years_reads_as_a_range():
    assert years_text((2022, 2023, 2024, 2025, 2026), "en") == "2022–2026"
    assert years_text((2022, 2024), "en") == "2022 and 2024"


def test_the_bundled_record_names_its_place_from_the_data():
    data = build_data(load_targets(Path(__file__).resolve().parent.parent / "targets.yaml"), AS_OF)
    assert record_subtitle(data.result.targets, "en").startswith("What Qingcheng District's")
    assert set(data.frame["place"]) == {"清城区"}


def test_the_place_filter_reads_and_writes_the_url(two_places):
    from dashboard.filters import (
        Filters,
        apply_filters,
        filters_from_params,
        ignored_params,
        params_from_filters,
        place_choices,
    )

    frame = two_places.frame
    places = place_choices(frame)
    assert places == ["甲县", "乙县"]
    chosen = filters_from_params({"place": "乙县,丙县"}, [], [], places)
    assert chosen.places == ("乙县",)
    assert ignored_params({"place": "乙县,丙县"}, [], [], places) == ["place=丙县"]
    assert params_from_filters(Filters(places=("甲县", "乙县"))) == {"place": "甲县,乙县"}
    assert set(apply_filters(frame, chosen)["place_en"]) == {"Yi County"}


def test_the_report_filter_is_grouped_by_place_with_short_labels(two_places):
    from dashboard.filters import report_choices, report_labels

    targets = two_places.result.targets
    choices = report_choices(two_places.frame, targets.reports_by_id)
    assert choices == ["syn-a-2024", "syn-a-2025", "syn-b-2024", "syn-b-2025", "2024", "2025"]
    offered = [targets.reports_by_id[c] for c in choices[:4]]
    assert list(report_labels(offered, "en").values()) == [
        "Jia County · 2024",
        "Jia County · 2025",
        "Yi County · 2024",
        "Yi County · 2025",
    ]
    assert report_labels(offered, "zh")["syn-b-2025"] == "乙县 · 2025年"
    twins = [*offered, replace(offered[0], id="syn-a-2024b", date=PartialDate(2024, 2))]
    labels = report_labels(twins, "en")
    assert labels["syn-a-2024"] == "Jia County · 2024 · 2024-01-20"
    assert labels["syn-a-2024b"] == "Jia County · 2024 · 2024-02"


def test_the_same_measure_lists_the_same_place_then_other_places(two_places):
    from dashboard.detail import other_places, same_metric

    targets = two_places.result.targets
    jia = next(c for c in targets.commitments if c.id == "a-gdp-growth-2024")
    assert [c.id for c in same_metric(targets, jia)] == ["a-gdp-growth-2025"]
    assert [c.id for c in other_places(targets, jia)] == ["b-gdp-growth-2024"]


def test_one_measure_compared_across_places_and_years(two_places):
    from dashboard.compare import compare_figure, compare_table

    frame = two_places.frame
    table = compare_table(frame, "gdp-growth", "en")
    assert list(table["Place"]) == ["Jia County", "Jia County", "Yi County", "Yi County"]
    assert list(table["Year"]) == [2024, 2025, 2024, 2025]
    assert list(table["Status"]) == ["met", "no published figure", "missed", "no published figure"]
    assert list(table["Latest figure"]) == ["6.2% (2024)", "—", "4.1% (2024)", "—"]
    scope = chart_scope(
        two_places.result.targets, frame[frame["metric"] == "gdp-growth"], "en", "x"
    )
    figure = compare_figure(frame, "gdp-growth", scope)
    assert figure.layout.title.text.startswith("2 places, 2024 and 2025 targets: GDP growth")
    dots = sum(len(trace.x) for trace in figure.data)
    assert dots == 4
    assert compare_table(frame, "no-such-measure", "zh").empty


def test_the_bench_synthetic_twenty_counties_name_their_places(tmp_path):
    from bench.synthetic import ensure_generated
    from dashboard.charts import without_drafts

    made = ensure_generated(100, 51, out_root=tmp_path)
    data = build_data(load_targets(made.targets_file), AS_OF)
    assert data.frame["place_en"].nunique() == 20
    scope = chart_scope(data.result.targets, data.frame, "en", "2026-01-01")
    assert scope_label(scope) == "20 places, 2022–2026 targets"
    assert file_stem(scope, "briefing").startswith("20-places-2022-2023-2024-2025-2026-briefing")
    first = scorecard_table(without_drafts(data.frame), scope, 3).iloc[:, 0]
    assert all(name.startswith("Synthetic County ") for name in first)


def test_a_comparison_of_twenty_places_counts_its_sources_and_draws(tmp_path):
    from bench.synthetic import ensure_generated
    from dashboard.compare import compare_figure, compare_rows

    made = ensure_generated(100, 51, out_root=tmp_path)
    data = build_data(load_targets(made.targets_file), AS_OF)
    rows = compare_rows(data.frame, "gdp-growth")
    assert list(dict.fromkeys(rows["place_en"]))[:3] == [
        "Synthetic County 1",
        "Synthetic County 2",
        "Synthetic County 3",
    ]
    scope = chart_scope(data.result.targets, rows, "en", "2026-01-01")
    figure = compare_figure(data.frame, "gdp-growth", scope)
    source = figure.layout.annotations[-1].text.replace("<br>", " ")
    assert "work reports of 20 places" in source and "Data as of" in source
    assert figure.layout.margin.autoexpand is False  # Plotly grows no margin: it draws


def test_the_rates_charts_first_rows_name_their_place_when_the_view_spans_several(two_places):
    from dashboard import charts

    frame = two_places.frame
    rows = charts.rate_rows(frame)
    first_place = rows[rows["place_en"] == "Jia County"]
    assert not first_place.empty and rows["place_en"].nunique() == 2
    scope = chart_scope(two_places.result.targets, frame, "en", "2025-01-22")
    shown = charts.MAX_RATES
    try:
        charts.MAX_RATES = 1  # the chart shows one row of a view of two places
        figure = charts.rates_figure(frame, scope)
    finally:
        charts.MAX_RATES = shown
    texts = [a.text for a in figure.layout.annotations if a.name == "row"]
    assert texts[0].startswith("<b>Jia County · ") or texts[0].startswith("<b>Yi County · ")
