"""The coverage panel: N of M quantitative commitments tracked, and the untracked figures."""

from dataclasses import replace

from dashboard.coverage import (
    by_report_date,
    coverage_title,
    shown_in_detail,
    summary_table,
    untracked_table,
)
from loaders.figures.finder import coverage
from loaders.load.targets import load_targets_text


def small_coverage(text: str, small_dir):
    result = load_targets_text(text, small_dir / "seeds")
    return result.targets, coverage(result.targets, result.documents)


def test_a_fully_tracked_report(small_targets):
    targets, [item] = small_coverage(
        small_targets.read_text(encoding="utf-8"), small_targets.parent
    )
    assert coverage_title(item, targets, "en") == (
        "Synthetic District Work Report 2020: 5 of 5 quantitative commitments tracked"
    )
    assert untracked_table(item, "en").empty


def test_a_dropped_commitment_shows_as_an_untracked_figure_with_its_clause(small_targets):
    text = small_targets.read_text(encoding="utf-8")
    start = text.index("  - id: syn-parks")
    end = text.index("  - id: syn-roads")
    targets, [item] = small_coverage(text[:start] + text[end:], small_targets.parent)
    assert coverage_title(item, targets, "zh") == (
        "合成示例区政府工作报告（2020年）：数量型承诺已追踪 4 / 5"
    )
    [row] = untracked_table(item, "en").to_dict("records")
    assert row["Figure"] == "4个"
    assert "新建公园 4个" in row["Clause"]


def test_coverage_is_listed_by_report_date_unknown_reports_last(small_targets, small_dir):
    targets, [item] = small_coverage(small_targets.read_text(encoding="utf-8"), small_dir)
    bulletin = replace(item, report_id="syn-bulletin-2020")  # dated 2021-03
    unknown = replace(item, report_id="nowhere")
    ordered = by_report_date([unknown, bulletin, item], targets)
    assert [i.report_id for i in ordered] == ["syn-2020", "syn-bulletin-2020", "nowhere"]


def test_the_summary_has_one_row_per_report_and_the_details_the_first_few(small_targets):
    text = small_targets.read_text(encoding="utf-8")
    start = text.index("  - id: syn-parks")
    end = text.index("  - id: syn-roads")
    targets, [item] = small_coverage(text[:start] + text[end:], small_targets.parent)
    [row] = summary_table([item], targets, "en").to_dict("records")
    assert row == {
        "Report": "Synthetic District Work Report 2020",
        "Tracked": 4,
        "Quantitative": 5,
        "Excluded": 0,
        "Not tracked": 1,
    }
    other = replace(item, report_id="nowhere")
    assert shown_in_detail([item, other], False, 1) == [item]
    assert shown_in_detail([item, other], True, 1) == [item, other]
