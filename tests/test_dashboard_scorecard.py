"""The scorecard: every commitment with target, outcome, verdict and source, as a table and a
16:9 image; the briefing image adds the counts. PNG export through Kaleido and Debian's chromium."""

import os
import re
import struct

import pandas as pd
import pytest

from dashboard.image_export import browser_path, figure_png, unavailable_reason
from dashboard.scope import chart_scope
from dashboard.scorecard import (
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    scorecard_figure,
    scorecard_table,
    verdict,
)


@pytest.fixture
def scope(small_loaded, small_frame):
    """Return a function giving the scope of some rows (default: all) of the small fixture."""

    def make(lang="en", frame=None):
        rows = small_frame if frame is None else frame
        return chart_scope(small_loaded, rows, lang, "2026-01-01")

    return make


def texts(figure) -> list[str]:
    return [re.sub(r"</?b>", "", a.text) for a in figure.layout.annotations]


def test_the_table_lists_every_commitment_missed_first_with_verdict_and_source(small_frame, scope):
    table = scorecard_table(small_frame, scope())
    assert table.to_dict("records")[:2] == [
        {
            "Commitment": "Consumer prices",
            "Verdict": "× missed",
            "Target": "at most 3.0%",
            "Outcome": "3.5% (2020); 0.5 pp over the ceiling",
            "Source": "Statistical Bulletin 2020",
            "ID": "syn-cpi",
        },
        {
            "Commitment": "New school places",
            "Verdict": "◑ met late",
            "Target": "at least 5,000",
            "Outcome": "5,200 (2021); 104% of target",
            "Source": "Statistical Bulletin 2020",
            "ID": "syn-places",
        },
    ]
    assert list(table["ID"]) == [
        "syn-cpi",
        "syn-places",
        "syn-gdp",
        "syn-library",
        "syn-roads",
        "syn-parks",
    ]
    assert list(table["Outcome"])[-2:] == ["—", "—"]


def test_the_table_in_chinese(small_frame, scope):
    table = scorecard_table(small_frame, scope("zh"))
    first = table.iloc[0].to_dict()
    assert first["结论"] == "× 未完成"
    assert first["结果"] == "3.5% (2020)，超出上限0.5个百分点"
    assert first["来源"] == "统计公报（2020年）"


def test_verdicts_have_an_icon_and_a_word():
    assert [verdict(s, "en") for s in ("met", "met_late", "under_way", "missed", "no_figure")] == [
        "✓ met",
        "◑ met late",
        "▷ under way",
        "× missed",
        "○ no published figure",
    ]
    assert verdict("under_way", "zh") == "▷ 推进中"


def test_a_milestone_under_way_is_listed_after_the_missed_with_its_latest_report(
    under_way_data,
):
    frame = under_way_data.frame
    scope = chart_scope(under_way_data.result.targets, frame, "en", "2026-01-01")
    table = scorecard_table(frame, scope)
    assert list(table["ID"])[:3] == ["syn-cpi", "syn-library", "syn-places"]
    assert table.to_dict("records")[1] == {
        "Commitment": "District library built",
        "Verdict": "▷ under way",
        "Target": "done (a milestone)",
        "Outcome": "under way (2020)",
        "Source": "Statistical Bulletin 2020",
        "ID": "syn-library",
    }
    chinese = scorecard_table(frame, chart_scope(under_way_data.result.targets, frame, "zh", ""))
    assert chinese.iloc[1][["结论", "结果"]].tolist() == ["▷ 推进中", "推进中 (2020)"]


def test_the_images_count_and_list_a_milestone_under_way(under_way_data):
    frame = under_way_data.frame
    scope = chart_scope(under_way_data.result.targets, frame, "en", "2026-01-01")
    shown = texts(scorecard_figure(frame, scope, briefing=True))
    assert shown[1] == (
        "Synthetic District, 2020 and 2099 targets; 6 commitments: 1 met, 1 met late, "
        "1 under way, 1 missed, 1 no published figure, 1 not yet due"
    )
    assert shown[shown.index("▷ under way") - 1] == "1"  # its tile
    assert shown.count("▷ under way") == 2  # the tile and the library's row
    assert shown[shown.index("District library built") + 1] == "▷ under way"
    assert texts(scorecard_figure(frame, scope))[1] == shown[1]


def test_the_image_is_16_by_9_and_names_every_commitment_with_its_numbered_source(
    small_frame, scope
):
    figure = scorecard_figure(small_frame, scope())
    assert (figure.layout.width, figure.layout.height) == (SLIDE_WIDTH, SLIDE_HEIGHT)
    shown = texts(figure)
    assert shown[0] == "2 of 6 commitments: met"
    assert shown[1] == (
        "Synthetic District, 2020 and 2099 targets; 6 commitments: 2 met, 1 met late, "
        "1 missed, 1 no published figure, 1 not yet due"
    )
    for title in small_frame["title_en"]:
        assert title in shown
    assert shown.count("[1]") == 4  # four outcomes, all from the bulletin
    [source] = [s for s in shown if s.startswith("Targets:")]
    assert (
        "Outcomes: [1] Statistical Bulletin 2020 (合成示例区统计局 (no English text), 2021-03)."
        in source
    )


def test_the_briefing_image_adds_the_counts(small_frame, scope):
    shown = texts(scorecard_figure(small_frame, scope(), briefing=True))
    tiles = shown[shown.index("6") : shown.index("6") + 14]
    assert tiles == [
        "6",
        "Commitments",
        "2",
        "✓ met",
        "1",
        "◑ met late",
        "0",
        "▷ under way",
        "1",
        "× missed",
        "1",
        "○ no published figure",
        "1",
        "△ not yet due",
    ]


def synthetic_missing(frame: pd.DataFrame, count: int) -> pd.DataFrame:
    """Return `count` SYNTHETIC commitments with no published figure, numbered in the title."""
    row = frame[frame["id"] == "syn-parks"].iloc[0]
    rows = pd.DataFrame([row] * count).reset_index(drop=True)
    rows["id"] = [f"syn-{i}" for i in range(count)]
    rows["title_en"] = [f"Synthetic park {i}" for i in range(count)]
    return rows


def test_when_rows_do_not_fit_the_missing_ones_are_named_per_area_in_a_paragraph(
    small_frame, scope
):
    rows = pd.concat([small_frame, synthetic_missing(small_frame, 60)], ignore_index=True)
    shown = texts(scorecard_figure(rows, scope(frame=rows)))
    assert "○ no published figure (61)" in shown
    [paragraph] = [s.replace("<br>", " ") for s in shown if s.startswith("Livelihoods: ")]
    assert paragraph.startswith(
        "Livelihoods: New parks (at least 4); Synthetic park 0 (at least 4)"
    )
    assert paragraph.count("Synthetic park") == 39  # 40 named in all, then counted
    assert paragraph.endswith("Synthetic park 38 (at least 4)… and 21 more")
    assert "Consumer prices" in shown  # outcomes keep a row each


def test_past_what_a_slide_holds_the_image_says_the_rest_is_in_the_table(small_frame, scope):
    reported = synthetic_missing(small_frame, 70).assign(
        status="met", latest_value=5.0, latest_year=2020
    )
    rows = pd.concat([small_frame, reported], ignore_index=True)
    shown = texts(scorecard_figure(rows, scope(frame=rows)))
    assert shown[-1] == (
        "… not every commitment fits here: the full list is in the table and the CSV download."
    )
    assert "Synthetic park 0" in shown


def test_kaleido_is_pointed_at_the_browser_named_by_browser_path(monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    assert browser_path() is None
    assert unavailable_reason() == "no chromium on the PATH (set BROWSER_PATH)"
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("BROWSER_PATH", str(fake))
    assert browser_path() == str(fake)


@pytest.mark.browser
def test_the_briefing_image_is_made_on_the_server_as_a_16_9_png(small_frame, scope):
    if not os.access("/usr/bin/chromium", os.X_OK):
        pytest.skip("Debian's chromium is not installed")
    png = figure_png(
        scorecard_figure(small_frame, scope("zh"), briefing=True), SLIDE_WIDTH, SLIDE_HEIGHT
    )
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (2 * SLIDE_WIDTH, 2 * SLIDE_HEIGHT)


def test_a_limited_table_keeps_its_first_rows_missed_first(small_frame, scope):
    table = scorecard_table(small_frame, scope(), limit=2)
    assert list(table["ID"]) == ["syn-cpi", "syn-places"]


def test_the_images_source_line_is_10_points_on_a_slide(small_frame, scope):
    figure = scorecard_figure(small_frame, scope(), briefing=True)
    [footer] = [a for a in figure.layout.annotations if a.text.startswith("Targets:")]
    # a 1600 px image across a 13.33-inch (960 pt) slide: 17 px is 10.2 pt
    assert footer.font.size * 960 / SLIDE_WIDTH >= 10


def test_a_filtered_briefing_image_names_its_filters_and_the_whole_record(
    small_loaded, small_frame
):
    from dashboard.filters import Filters, apply_filters
    from dashboard.scope import with_filters

    filters = Filters(lang="en", statuses=("met", "missed"))
    rows = apply_filters(small_frame, filters)
    scope = with_filters(
        chart_scope(small_loaded, rows, "en", "2026-01-01"), filters, small_frame, len(rows), ""
    )
    shown = texts(scorecard_figure(rows, scope, briefing=True))
    assert shown[:2] == [
        "3 of 6 commitments shown: met, missed",
        "Synthetic District, 2020 targets; 3 commitments: 2 met, 1 missed (in the whole record "
        "of 6, 2 met, 1 met late, 1 missed, 1 no published figure and 1 not yet due)",
    ]
    tiles = shown[shown.index("3") : shown.index("3") + 14]
    assert tiles[2:8] == ["2", "✓ met", "—", "◑ met late", "—", "▷ under way"]
