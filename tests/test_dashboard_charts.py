"""Chart builders: the data inside each figure, its scoped title, source line, fit and download."""

import re

import pandas as pd
import plotly.io as pio
import pytest

from dashboard.chart_layout import chart_config, export_size
from dashboard.charts import (
    MAX_BARS,
    amount_rows,
    chart_source,
    percent_band,
    percent_of_target_figure,
    rate_rows,
    rates_figure,
    status_by_area_figure,
)
from dashboard.measures import margin_points
from dashboard.scope import PHONE_WIDTH, chart_scope
from dashboard.textfit import text_width
from dashboard.theme import (
    BAND_COLOURS,
    FONT,
    STATUS_COLOURS,
    STATUS_ICONS,
    SUBTITLE_SIZE,
    TEMPLATE,
    TITLE_SIZE,
    mix,
    text_colour_on,
)

AS_OF = "2026-01-01"


@pytest.fixture
def scope(small_loaded, small_frame):
    """Return a function giving the chart scope of some rows (default: all) of the small fixture."""

    def make(lang="en", frame=None, areas=(), width=780):
        rows = small_frame if frame is None else frame
        return chart_scope(small_loaded, rows, lang, AS_OF, areas, width)

    return make


def traces(figure):
    return {trace.name: trace for trace in figure.data if trace.name}


def row_texts(figure):
    return [a.text for a in figure.layout.annotations if a.name == "row"]


def source_note(figure):
    [note] = [a for a in figure.layout.annotations if a.name == "source"]
    return note.text.replace("<br>", " ")


def test_status_by_area_counts_each_status_per_area_in_declared_order(small_frame, scope):
    figure = status_by_area_figure(small_frame, scope())
    bars = traces(figure)
    assert list(bars) == ["met", "met late", "missed", "no published figure", "not yet due"]
    assert [list(bars["met"].x), list(bars["met"].base)] == [[1, 1], [0, 0]]
    assert [list(bars["missed"].x), list(bars["missed"].base)] == [[1], [1]]
    assert list(bars["not yet due"].base) == [3]
    assert row_texts(figure) == [
        "<b>Headline targets</b><br>1 met, 1 missed",
        "<b>Livelihoods</b><br>1 met, 1 met late, 1 no published figure, 1 not yet due",
    ]
    assert figure.layout.title.text == "2 of 6 commitments: met"
    assert figure.layout.title.subtitle.text == (
        "Synthetic District, 2020 and 2099 targets; Status of commitments by area; 6 commitments"
    )


def test_status_by_area_in_chinese_prefixes_chapters(small_frame, scope):
    figure = status_by_area_figure(small_frame, scope("zh"))
    assert row_texts(figure)[1].startswith("<b>（一）做好民生工作</b><br>已完成 1 项")
    assert figure.data[0].name == "已完成"
    assert figure.layout.title.text == "6项承诺中2项：已完成"
    assert figure.layout.title.subtitle.text == (
        "合成示例区2020、2099年目标；各领域承诺完成状态；6 项承诺"
    )


def test_the_title_carries_the_areas_filtered_on(small_frame, scope):
    rows = small_frame[small_frame["area"] == "livelihood"]
    figure = status_by_area_figure(rows, scope(frame=rows, areas=("livelihood",)))
    assert figure.layout.title.subtitle.text.startswith(
        "Synthetic District, 2020 and 2099 targets (Livel"
    )


def test_every_chart_cites_the_plan_and_the_publications_of_its_outcomes(small_frame, scope):
    expected = (
        "Targets: Work Report 2020 (2020-03-01). Outcomes: Statistical Bulletin 2020 "
        "(合成示例区统计局 (no English text), 2021-03). Data as of 2021-03 (checked 2026-01-01). Status rule: the latest figure for "
        "the due year against the target; reached later = met late."
    )
    for build in (status_by_area_figure, percent_of_target_figure, rates_figure):
        assert source_note(build(small_frame, scope())) == expected
    assert chart_source(small_frame, scope("zh")) == (
        "目标：政府工作报告（2020年）（2020-03-01）。结果：统计公报（2020年）（合成示例区统计局，"
        "2021-03）。数据截至 2021-03（2026-01-01核对）。状态规则：以到期年度最新公布数据对照目标，其后达到为逾期完成。"
    )


def test_a_chart_with_no_published_outcome_says_so_in_its_source(small_frame, scope):
    rows = small_frame[small_frame["id"].isin(["syn-parks", "syn-roads"])]
    assert "Outcomes: none published." in chart_source(rows, scope())


def test_rates_and_amounts_are_told_apart(small_frame):
    assert list(rate_rows(small_frame)["id"]) == ["syn-gdp", "syn-cpi"]
    assert list(amount_rows(small_frame)["id"]) == ["syn-places", "syn-parks", "syn-roads"]


def test_amounts_chart_bars_percent_of_target_with_the_reached_zone_and_no_rates(
    small_frame, scope
):
    figure = percent_of_target_figure(small_frame, scope())
    bars = traces(figure)
    assert list(bars) == ["target reached", "target (100%)", "met late"]
    assert (list(bars["met late"].x), list(bars["met late"].base)) == ([104.0], [0.0])
    assert (list(bars["target reached"].base), list(bars["target reached"].x)) == ([100.0], [25.0])
    assert list(bars["target (100%)"].x) == [100.0]
    assert row_texts(figure) == [
        "<b>New school places</b><br>5,200 (2021) against at least 5,000: 104% of target",
        "<b>New parks</b><br>at least 4: no published figure",
        "<b>Roads built</b><br>at least 20 km: not yet due",
    ]
    assert "GDP growth" not in str(figure.to_dict())  # a rate is never a percent of target
    assert "District library" not in str(figure.to_dict())  # nor is a milestone


def test_an_at_most_amount_is_drawn_with_its_zone_below_the_ceiling(small_frame, scope):
    rows = small_frame[small_frame["id"] == "syn-places"].assign(op="<=", percent_of_target=80.0)
    figure = percent_of_target_figure(rows, scope())
    zone = traces(figure)["target reached"]
    assert (list(zone.base), list(zone.x)) == ([0.0], [100.0])
    assert row_texts(figure)[0].endswith("against at most 5,000: 80% of the ceiling")


def test_rates_are_drawn_as_the_gap_in_points_with_the_good_side_right(small_frame, scope):
    figure = rates_figure(small_frame, scope())
    bars = traces(figure)
    assert list(bars["met"].x) == [0.2]  # 6.2% against about 6.0%
    assert list(bars["missed"].x) == [-0.5]  # 3.5% against at most 3.0%: on the bad side
    zone = bars["target reached"]
    assert list(zone.base) == [-0.5, 0.0]  # "about" counts from target minus tolerance
    assert row_texts(figure) == [
        "<b>GDP growth</b><br>6.2% (2020) against about 6.0% (±0.5): 0.2 pp above target",
        "<b>Consumer prices</b><br>3.5% (2020) against at most 3.0%: 0.5 pp over the ceiling",
    ]
    assert figure.layout.xaxis.range == (-1.15, 1.15)  # points, not percent of target


def test_a_rate_under_its_ceiling_points_right_like_a_met_target(small_frame, scope):
    assert margin_points("<=", 3.0, 1.6) == 1.4
    assert margin_points(">=", 10.0, 12.5) == 2.5
    assert margin_points("~", 6.5, 1.1) == -5.4
    rows = small_frame[small_frame["id"] == "syn-cpi"].assign(latest_value=1.6, status="met")
    figure = rates_figure(rows, scope("zh"))
    assert list(traces(figure)["已完成"].x) == [1.4]
    assert row_texts(figure)[0] == (
        "<b>居民消费价格涨幅</b><br>1.6%（2020年），目标不超过3.0%：低于上限1.4个百分点"
    )


def synthetic_rows(frame: pd.DataFrame, count: int) -> pd.DataFrame:
    """Return `count` SYNTHETIC amount rows built from the fixture's school-places row."""
    row = frame[frame["id"] == "syn-places"].iloc[0]
    rows = pd.DataFrame([row] * count).reset_index(drop=True)
    rows["id"] = [f"syn-{i}" for i in range(count)]
    rows["percent_of_target"] = [None if i % 4 == 0 else float(i % 150) for i in range(count)]
    return rows


def test_many_amounts_are_aggregated_into_bands_not_bars(small_frame, scope):
    rows = synthetic_rows(small_frame, MAX_BARS * 50)
    figure = percent_of_target_figure(rows, scope(frame=rows))
    assert figure.layout.title.text == "All 3,000 amount targets with an outcome: met late"
    assert "; Amounts by percent of target reached, per area; " in (
        figure.layout.title.subtitle.text.replace("<br>", " ")
    )
    assert sum(len(trace.x) for trace in figure.data) == 5  # one area, five bands
    assert sum(sum(trace.x) for trace in figure.data) == MAX_BARS * 50


def test_many_missing_figures_are_named_in_one_row_per_area(small_frame, scope):
    rows = synthetic_rows(small_frame, 20).assign(percent_of_target=None, status="no_figure")
    figure = percent_of_target_figure(rows, scope("zh", frame=rows))
    [row] = row_texts(figure)
    assert row.startswith("<b>（一）做好民生工作</b><br>未公布数据（20 项）：新增学位（2020年）；")
    assert row.endswith("……另有 8 项")


def test_percent_bands():
    assert [percent_band(v) for v in (None, 10, 50, 95, 100, 250)] == [
        "band_no_figure",
        "band_under_50",
        "band_50_90",
        "band_90_100",
        "band_100_up",
        "band_100_up",
    ]


def test_html_in_a_title_is_shown_as_text_in_charts(small_frame, scope):
    frame = small_frame.copy()
    frame.loc[frame["id"] == "syn-places", "title_en"] = "<img src=x onerror=f()>"
    figure = percent_of_target_figure(frame, scope(frame=frame))
    assert "<b>&lt;img src=x onerror=f()&gt;</b>" in row_texts(figure)[0]
    assert "<img" not in str(figure.to_dict())


def test_every_chart_uses_the_briefing_template_with_one_cjk_font(small_frame, scope):
    assert pio.templates[TEMPLATE].layout.font.family == FONT
    assert FONT.startswith("Noto Sans CJK SC") and FONT.endswith("sans-serif")
    for build in (status_by_area_figure, percent_of_target_figure, rates_figure):
        figure = build(small_frame, scope())
        assert figure.layout.template.layout.font.family == FONT
        assert figure.layout.template.layout.legend.yref == "container"  # below the plot


def drawn_lines(figure):
    """Return every line of text a chart draws with its font size: title, rows, source."""
    texts = [
        (figure.layout.title.text, TITLE_SIZE),
        (figure.layout.title.subtitle.text, SUBTITLE_SIZE),
    ]
    texts += [(a.text, a.font.size) for a in figure.layout.annotations]
    return [
        (re.sub(r"<[^>]+>", "", line), size) for text, size in texts for line in text.split("<br>")
    ]


def test_at_phone_width_every_line_fits_the_chart(small_frame, scope):
    for lang in ("en", "zh"):
        for build in (status_by_area_figure, percent_of_target_figure, rates_figure):
            figure = build(small_frame, scope(lang, width=PHONE_WIDTH))
            widest = max(text_width(line, size) for line, size in drawn_lines(figure))
            assert widest <= PHONE_WIDTH - 24, (lang, build.__name__, widest)


def test_the_bottom_margin_holds_the_axis_legend_and_source(small_frame, scope):
    figure = rates_figure(small_frame, scope(width=PHONE_WIDTH))
    [note] = [a for a in figure.layout.annotations if a.name == "source"]
    lines = note.text.count("<br>") + 1
    assert figure.layout.margin.b >= -note.yshift + lines * 11 * 1.4
    assert figure.layout.legend.y * figure.layout.height >= lines * 11 * 1.4


def test_download_is_a_2x_png_named_for_place_years_chart_language_and_date(small_frame, scope):
    figure = status_by_area_figure(small_frame, scope())
    config = chart_config("status-by-area", scope(), figure)
    height = figure.layout.height
    assert config["toImageButtonOptions"] == {
        "format": "png",
        "scale": 2,
        "width": max(780, round(height * 16 / 9)),
        "height": max(height, round(780 * 9 / 16)),
        "filename": "synthetic-district-2020-2099-status-by-area-en-2021-03",
    }
    assert "locale" not in config
    chinese = chart_config("status-by-area", scope("zh"), figure)
    assert chinese["locales"]["zh-CN"]["dictionary"] == {
        "Download plot as a PNG": "下载图表（PNG，16:9，2倍）"
    }
    assert export_size(780, 300) == (780, 439)  # 16:9, never cut
    assert export_size(780, 900) == (1600, 900)
    assert config["modeBarButtons"] == [["toImage"]] and config["displayModeBar"] is True


def test_empty_rows_give_an_empty_chart_not_an_error(small_frame, scope):
    empty = small_frame.iloc[0:0]
    assert status_by_area_figure(empty, scope(frame=empty)).data == ()


def test_colours_are_derived_from_the_status_palette():
    assert mix("#000000", "#ffffff", 0.5) == "#808080"
    assert BAND_COLOURS["band_under_50"] == STATUS_COLOURS["missed"]
    assert BAND_COLOURS["band_100_up"] == STATUS_COLOURS["met"]
    assert BAND_COLOURS["band_50_90"] == mix(STATUS_COLOURS["missed"], "#ffffff", 0.45)
    assert text_colour_on(STATUS_COLOURS["missed"]) == "#ffffff"
    assert text_colour_on(STATUS_COLOURS["no_figure"]) == "#212121"
    assert set(STATUS_ICONS) == set(STATUS_COLOURS)  # never colour alone


def test_under_way_has_a_colour_and_an_icon_of_its_own():
    assert STATUS_COLOURS["under_way"] == "#E69F00"  # Okabe–Ito orange
    assert len(set(STATUS_COLOURS.values())) == len(STATUS_COLOURS)
    assert STATUS_ICONS["under_way"] == "▷"
    assert len(set(STATUS_ICONS.values())) == len(STATUS_ICONS)
    assert text_colour_on(STATUS_COLOURS["under_way"]) == "#212121"


def test_status_by_area_stacks_a_milestone_under_way_after_met_late(under_way_data):
    frame = under_way_data.frame
    figure = status_by_area_figure(
        frame, chart_scope(under_way_data.result.targets, frame, "en", AS_OF)
    )
    bars = traces(figure)
    assert list(bars) == [
        "met",
        "met late",
        "under way",
        "missed",
        "no published figure",
        "not yet due",
    ]
    assert [list(bars["under way"].x), list(bars["under way"].base)] == [[1], [1]]
    assert bars["under way"].marker.color == "#E69F00"
    assert row_texts(figure)[1] == (
        "<b>Livelihoods</b><br>1 met late, 1 under way, 1 no published figure, 1 not yet due"
    )


def test_a_charts_source_line_is_10_points_when_its_16_9_image_fills_a_slide(small_frame, scope):
    many = pd.concat([small_frame] * 12, ignore_index=True)  # a tall chart: widened to 16:9
    many["id"] = [f"syn-{i}" for i in range(len(many))]
    for build in (status_by_area_figure, percent_of_target_figure, rates_figure):
        for rows in (small_frame, many):
            figure = build(rows, scope(frame=rows))
            [note] = [a for a in figure.layout.annotations if a.name == "source"]
            width, _ = export_size(780, figure.layout.height)
            assert note.font.size * 960 / width >= 10, build.__name__


def test_a_chart_much_taller_than_wide_keeps_a_bounded_source_line(scope):
    import plotly.graph_objects as go

    from dashboard.chart_layout import OVERGROWN_SOURCE_PX, Frame, finish

    source = "；".join(f"合成第{i}县SYNTHETIC 人民政府工作报告（2022年）" for i in range(40))
    frame = Frame("A long list", "Every rate", source)
    figure = finish(go.Figure(), scope(), frame, plot_height=3881)
    annotation = [a for a in figure.layout.annotations if "合成第0县" in a.text][0]
    assert annotation.font.size == OVERGROWN_SOURCE_PX  # no size could be 10 pt on a slide
    assert figure.layout.margin.b < 1500  # was 2,161,488 px at 100x: Chromium drew no chart
    assert figure.layout.height < 3881 + 1500


def test_overview_offers_a_chart_tab_when_it_is_drawn_or_a_sentence_says_why_not():
    from dashboard.overview_tabs import overview_charts

    nothing_to_plot = "None of the 2 amount targets has a published outcome: nothing to plot"
    assert overview_charts({"amounts": (nothing_to_plot, False), "rates": ("", True)}) == [
        ("status-by-area", ""),
        ("percent-of-target", nothing_to_plot),
        ("rates", ""),
    ]
    # no rate commitment at all: no Rates tab
    assert overview_charts({"amounts": ("", True), "rates": ("", False)}) == [
        ("status-by-area", ""),
        ("percent-of-target", ""),
    ]
