"""Chart builders: the data inside each figure, its title, source line and download settings."""

import pandas as pd

from dashboard.charts import (
    MAX_BARS,
    chart_config,
    headline_figure,
    percent_band,
    percent_of_target_figure,
    source_line,
    status_by_area_figure,
)


def traces(figure):
    return {trace.name: trace for trace in figure.data}


def test_status_by_area_counts_each_status_per_area_in_declared_order(small_frame):
    figure = status_by_area_figure(small_frame, "en", "2026-01-01")
    bars = traces(figure)
    assert list(bars) == ["met", "met late", "missed", "no published figure", "not yet due"]
    assert list(bars["met"].y) == ["Headline targets", "Livelihoods"]
    assert list(bars["met"].x) == [1, 1]
    assert list(bars["missed"].x) == [1, 0]
    assert list(bars["met late"].x) == [0, 1]
    assert list(bars["not yet due"].x) == [0, 1]
    assert figure.layout.title.text == "Status of commitments by area"
    assert figure.layout.title.subtitle.text == "6 commitments"


def test_status_by_area_in_chinese_prefixes_chapters(small_frame):
    figure = status_by_area_figure(small_frame, "zh", "2026-01-01")
    assert list(figure.data[0].y) == ["主要预期目标", "（一）做好民生工作"]
    assert figure.data[0].name == "已完成"


def test_every_chart_has_a_source_line_with_report_and_date(small_frame):
    figure = status_by_area_figure(small_frame, "en", "2026-01-01")
    [note] = figure.layout.annotations
    assert note.text == (
        "Source: Synthetic District Work Report 2020 | data as of 2026-01-01 | "
        "status by the rules on the Rules page"
    )
    assert source_line(small_frame, "zh", "2026-01-01").startswith(
        "来源：合成示例区政府工作报告（2020年）"
    )


def test_percent_of_target_has_bars_for_figures_a_100_line_and_keeps_missing_ones(small_frame):
    figure = percent_of_target_figure(small_frame, "en", "2026-01-01")
    bars = traces(figure)
    assert list(bars["met"].y) == ["GDP growth"]
    assert [round(v, 1) for v in bars["met"].x] == [103.3]
    assert list(bars["met late"].y) == ["New school places"]
    assert list(bars["missed"].y) == ["Consumer prices"]
    missing = bars["no published figure"]
    assert list(missing.y) == ["New parks", "Roads built"]
    assert list(missing.text) == ["no published figure", "no published figure"]
    [line] = figure.layout.shapes
    assert (line.x0, line.x1) == (100, 100)
    assert "syn-library" not in str(figure.to_dict())  # milestones have no percent


def synthetic_rows(frame: pd.DataFrame, count: int) -> pd.DataFrame:
    """Return `count` SYNTHETIC numeric rows built from the fixture's first numeric row."""
    row = frame[frame["id"] == "syn-places"].iloc[0]
    rows = pd.DataFrame([row] * count).reset_index(drop=True)
    rows["id"] = [f"syn-{i}" for i in range(count)]
    rows["percent_of_target"] = [None if i % 4 == 0 else float(i % 150) for i in range(count)]
    return rows


def test_many_numeric_targets_are_aggregated_into_bands_not_bars(small_frame):
    rows = synthetic_rows(small_frame, MAX_BARS * 50)
    figure = percent_of_target_figure(rows, "en", "2026-01-01")
    assert figure.layout.title.text == "Numeric targets by percent of target reached, per area"
    assert sum(len(trace.x) for trace in figure.data) == 5  # one area, five bands
    assert sum(sum(trace.x) for trace in figure.data) == MAX_BARS * 50


def test_many_missing_figures_collapse_into_one_row_per_area(small_frame):
    rows = synthetic_rows(small_frame, 20).assign(percent_of_target=None)
    figure = percent_of_target_figure(rows, "zh", "2026-01-01")
    [missing] = figure.data
    assert list(missing.y) == ["（一）做好民生工作"]
    assert list(missing.text) == ["未公布数据：20 项"]


def test_percent_bands():
    assert [percent_band(v) for v in (None, 10, 50, 95, 100, 250)] == [
        "band_no_figure",
        "band_under_50",
        "band_50_90",
        "band_90_100",
        "band_100_up",
        "band_100_up",
    ]


def test_headline_chart_shows_baseline_target_and_outcome_per_indicator(small_frame):
    figure = headline_figure(small_frame, "en", "2026-01-01")
    series = traces(figure)
    assert list(series["Prior year"].y) == ["GDP growth", "Consumer prices"]
    assert list(series["Prior year"].x) == [5.0, None]
    assert list(series["Target"].x) == [6.0, 3.0]
    assert list(series["Target"].text) == ["about 6.0% (±0.5)", "at most 3.0%"]
    assert list(series["Outcome"].x) == [6.2, 3.5]


def test_headline_chart_marks_indicators_with_no_published_figure(small_frame):
    frame = small_frame.copy()
    frame.loc[frame["id"] == "syn-cpi", ["latest_value", "latest_year"]] = None
    figure = headline_figure(frame, "zh", "2026-01-01")
    markers = [a for a in figure.layout.annotations if a.text == "未公布数据"]
    assert [(a.y, a.xref, a.x) for a in markers] == [("居民消费价格涨幅", "paper", 1)]


def test_html_in_a_title_is_shown_as_text_in_charts(small_frame):
    frame = small_frame.copy()
    frame.loc[frame["id"] == "syn-gdp", "title_en"] = "<img src=x onerror=f()>"
    figure = percent_of_target_figure(frame, "en", "2026-01-01")
    labels = [label for trace in figure.data for label in trace.y]
    assert "&lt;img src=x onerror=f()&gt;" in labels
    assert "<img" not in str(figure.to_dict())


def test_download_is_a_2x_png_named_for_chart_language_and_date():
    assert chart_config("status-by-area", "en", "2026-01-01")["toImageButtonOptions"] == {
        "format": "png",
        "scale": 2,
        "filename": "work-report-targets-status-by-area-en-2026-01-01",
    }


def test_empty_rows_give_an_empty_chart_not_an_error(small_frame):
    figure = status_by_area_figure(small_frame.iloc[0:0], "en", "2026-01-01")
    assert figure.data == ()
