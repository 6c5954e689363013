"""Source lines and scopes: the plans and publications behind a chart, the place and years."""

from dashboard.filters import Filters, apply_filters
from dashboard.scope import (
    DESKTOP_WIDTH,
    PHONE_WIDTH,
    chart_scope,
    file_stem,
    scope_label,
    scoped_title,
    width_for,
)
from dashboard.sources import (
    cite,
    outcome_reports,
    outcome_sources,
    place_name,
    plan_reports,
    short_title,
    source_text,
)
from loaders.model import PartialDate, Report

WORK_REPORT = Report(
    "qc",
    "清远市清城区人民政府工作报告（2022年）",
    "Qingcheng District Government Work Report 2022",
    PartialDate(2022, 3, 15),
)
BULLETIN = Report(
    "st",
    "2022年清远市清城区国民经济和社会发展统计公报",
    "Qingcheng District Statistical Bulletin on the 2022 National Economy",
    PartialDate(2023),
    publisher="清远市清城区统计局",
)


def test_each_commitment_lists_the_publications_of_its_progress_once(small_frame, small_loaded):
    by_id = {c.id: c for c in small_loaded.commitments}
    assert outcome_sources(by_id["syn-places"]) == ("syn-bulletin-2020",)
    assert outcome_sources(by_id["syn-parks"]) == ()
    assert list(small_frame["outcome_sources"])[:3] == [("syn-bulletin-2020",)] * 3


def test_the_place_is_read_from_the_work_report_titles(small_loaded):
    assert place_name([BULLETIN, WORK_REPORT], "zh") == "清远市清城区"
    assert place_name([WORK_REPORT], "en") == "Qingcheng District"
    assert place_name(small_loaded.reports, "zh") == "合成示例区"
    assert place_name([BULLETIN], "en") == ""


def test_short_titles_leave_out_the_place_the_chart_title_names():
    assert short_title(WORK_REPORT, "zh", "清远市清城区") == "政府工作报告（2022年）"
    assert short_title(BULLETIN, "zh", "清远市清城区") == "2022年国民经济和社会发展统计公报"
    assert short_title(BULLETIN, "en", "Qingcheng District") == (
        "Statistical Bulletin on the 2022 National Economy"
    )
    assert short_title(BULLETIN, "en", "") == BULLETIN.title_en


def test_a_citation_gives_publisher_and_date_and_an_optional_number():
    assert cite(BULLETIN, "en", "Qingcheng District", 2) == (
        "[2] Statistical Bulletin on the 2022 National Economy (清远市清城区统计局 (no English text), 2023)"
    )
    assert cite(WORK_REPORT, "zh", "清远市清城区") == "政府工作报告（2022年）（2022-03-15）"


def test_plans_and_outcomes_of_rows_are_found_by_date(small_frame, small_loaded):
    reports = small_loaded.reports_by_id
    assert [r.id for r in plan_reports(small_frame, reports)] == ["syn-2020"]
    assert [r.id for r in outcome_reports(small_frame, reports)] == ["syn-bulletin-2020"]
    no_outcomes = small_frame[small_frame["id"] == "syn-parks"]
    assert outcome_reports(no_outcomes, reports) == []


def test_the_numbered_source_line():
    text = source_text([WORK_REPORT], [BULLETIN], "en", "2026-01-01", "Qingcheng District", True)
    assert text == (
        "Targets: Government Work Report 2022 (2022-03-15). Outcomes: [1] Statistical Bulletin on "
        "the 2022 National Economy (清远市清城区统计局 (no English text), 2023). Data as of 2023 (checked 2026-01-01). Status rule: "
        "the latest figure for the due year against the target; reached later = met late."
    )


def test_the_scope_follows_the_filters(small_frame, small_loaded):
    rows = apply_filters(small_frame, Filters(report="2020", areas=("livelihood",)))
    scope = chart_scope(small_loaded, rows, "en", "2026-01-01", ("livelihood",))
    assert (scope.place, scope.years, scope.areas) == (
        "Synthetic District",
        (2020,),
        ("Livelihoods",),
    )
    assert scope_label(scope) == "Synthetic District, 2020 targets (Livelihoods)"
    assert (
        scoped_title(scope, "Scorecard")
        == "Synthetic District, 2020 targets (Livelihoods): Scorecard"
    )
    assert file_stem(scope, "briefing") == "synthetic-district-2020-briefing-en-2021-03"
    zh = chart_scope(small_loaded, rows, "zh", "2026-01-01", ("livelihood",))
    assert scope_label(zh) == "合成示例区2020年目标（（一）做好民生工作）"


def test_all_years_are_named_and_an_empty_view_still_has_a_file_name(small_frame, small_loaded):
    scope = chart_scope(small_loaded, small_frame, "en", "2026-01-01")
    assert scope_label(scope) == "Synthetic District, 2020 and 2099 targets"
    empty = chart_scope(small_loaded, small_frame.iloc[0:0], "en", "2026-01-01")
    assert file_stem(empty, "scorecard") == "synthetic-district-all-years-scorecard-en-2020-03-01"


def test_phones_get_charts_fitted_to_their_width():
    iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1"
    android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/126.0 Mobile Safari/537.36"
    laptop = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36"
    assert [width_for(a) for a in (iphone, android, laptop, None)] == [
        PHONE_WIDTH,
        PHONE_WIDTH,
        DESKTOP_WIDTH,
        DESKTOP_WIDTH,
    ]


def test_past_eight_publications_the_source_line_counts_the_rest():
    many = [
        Report(f"s{i}", f"公报{i}", f"Bulletin {i}", PartialDate(2023, 1, i + 1), publisher="局")
        for i in range(11)
    ]
    text = source_text([WORK_REPORT], many, "en", "2026-01-01", "Qingcheng District")
    assert (
        "Bulletin 7 (局 (no English text), 2023-01-08); and 3 more (listed under Rules and sources)."
        in text
    )
    assert "Bulletin 8" not in text


def test_numbered_for_an_image_every_publication_a_row_cites_is_listed():
    many = [
        Report(f"s{i}", f"公报{i}", f"Bulletin {i}", PartialDate(2023, 1, i + 1), publisher="局")
        for i in range(11)
    ]
    text = source_text([WORK_REPORT], many, "zh", "2026-01-01", "", numbered=True)
    assert "[11] 公报10（局，2023-01-11）。" in text
    assert "另有" not in text
