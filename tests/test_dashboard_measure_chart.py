"""The commitment page's chart and verdict: one measure over the years, the verdict first."""

import re

from dashboard.detail import facts_html, verdict_html
from dashboard.measure_chart import Point, measure_figure, measure_points
from dashboard.scope import chart_scope
from dashboard.theme import STATUS_COLOURS, mix


def commitment(small_loaded, commitment_id):
    return next(c for c in small_loaded.commitments if c.id == commitment_id)


def test_points_are_baseline_target_and_outcomes_by_year(small_loaded):
    places = commitment(small_loaded, "syn-places")
    assert measure_points([places], {"syn-places": "met_late"}, "en") == [
        Point("baseline", 2019, 12000.0, "12,000"),
        Point("target", 2020, 5000.0, "at least 5,000", op=">="),
        Point("outcome", 2020, 4000.0, "4,000", status="met_late"),
        Point("outcome", 2021, 5200.0, "5,200", status="met_late"),
    ]
    gdp = commitment(small_loaded, "syn-gdp")
    assert [p.text for p in measure_points([gdp], {"syn-gdp": "met"}, "zh")] == [
        "5.0%",
        "6.0%左右（±0.5）",
        "6.2%",
    ]


def test_a_milestone_is_its_due_year_and_the_year_it_was_done(small_loaded, small_frame):
    library = commitment(small_loaded, "syn-library")
    assert measure_points([library], {"syn-library": "met"}, "en") == [
        Point("target", 2020, 1.0, "due 2020", op="done"),
        Point("outcome", 2020, 1.0, "done (2020)", status="met"),
    ]
    assert [p.text for p in measure_points([library], {}, "zh")] == ["2020年到期", "2020年已完成"]
    scope = chart_scope(small_loaded, small_frame, "en", "2026-01-01")
    figure = measure_figure([library], {"syn-library": "met"}, "Library: done in 2020", scope)
    assert figure.layout.yaxis.visible is False
    assert [trace.name for trace in figure.data if trace.name] == ["target", "✓ met"]
    assert measure_figure([], {}, "", scope) is None


def test_the_chart_colours_outcomes_by_status_and_states_the_finding(small_loaded, small_frame):
    places = commitment(small_loaded, "syn-places")
    rows = small_frame[small_frame["id"] == "syn-places"]
    scope = chart_scope(small_loaded, rows, "en", "2026-01-01")
    title = "New school places: 5,200 against at least 5,000, 104% of target, met late"
    figure = measure_figure([places], {"syn-places": "met_late"}, title, scope)
    by_name = {trace.name: trace for trace in figure.data if trace.name}
    assert list(by_name) == ["prior-year baseline", "target", "◑ met late"]
    assert list(by_name["◑ met late"].y) == [4000.0, 5200.0]
    assert by_name["◑ met late"].marker.color == STATUS_COLOURS["met_late"]
    assert by_name["target"].marker.symbol == ("triangle-up-open",)
    assert figure.layout.title.text == title
    assert figure.layout.title.subtitle.text == (
        "Synthetic District, 2020 targets; prior-year baseline, target and outcome"
    )
    [source] = [a.text for a in figure.layout.annotations if a.name == "source"]
    assert "Outcomes: Statistical Bulletin 2020" in source.replace("<br>", " ")


def test_the_verdict_is_in_the_charts_status_colour_and_escaped():
    block = verdict_html("met_late", "<b>Library</b>: done in 2023, a year late", "en")
    assert f"border-left:10px solid {STATUS_COLOURS['met_late']}" in block
    assert f"background:{mix(STATUS_COLOURS['met_late'], '#ffffff', 0.8)}" in block
    assert ">◑ met late</div>" in block
    assert ">&lt;b&gt;Library&lt;/b&gt;: done in 2023, a year late</div>" in block


def test_a_figure_is_never_broken_inside_a_word():
    block = facts_html([("对照目标", "低于目标5.4个百分点"), ("最新数据", "")])
    assert re.findall(r'<b class="fact-value" style="([^"]*)">([^<]*)</b>', block) == [
        ("white-space:nowrap;font-size:1.15rem", "低于目标5.4个百分点")
    ]
