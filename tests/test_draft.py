"""draft_report: one complete, valid commitment record per untracked plan figure of a report."""

import pytest

from loaders.cli.draft import write_drafts
from loaders.drafting.draft import draft_commitments, draft_report, plan_year
from loaders.drafting.draft_types import (
    NAME_EN_MARKER,
    TITLE_EN_MARKER,
    DraftedArea,
    MilestoneCandidate,
)
from loaders.load.targets import load_targets, load_targets_text
from loaders.model import Baseline, Target
from loaders.texts.quotes import find_quote


@pytest.fixture
def loaded(draft_files):
    return load_targets(draft_files())


def drafted(loaded):
    return draft_report(loaded.targets, "syn-2023", loaded.documents["syn-2023"])


def by_id(result):
    return {d.id: d for d in result.drafts}


def test_the_plan_year_is_read_from_the_plan_heading(loaded):
    assert plan_year(loaded.documents["syn-2023"], loaded.targets, "syn-2023") == 2023


def test_one_draft_per_untracked_amount_in_document_order(loaded):
    assert [
        d.id for d in draft_commitments(loaded.targets, "syn-2023", loaded.documents["syn-2023"])
    ] == [
        "gdp-growth-2023",
        "school-places-2023",
        "greenways-2023",
        "syn-2023-04",
        "syn-2023-05",
        "syn-2023-06",
    ]


def test_a_repeated_measure_carries_metric_titles_and_id_with_the_value_in_its_unit(loaded):
    draft = by_id(drafted(loaded))["school-places-2023"]
    assert (draft.metric, draft.title, draft.title_en) == (
        "school-places",
        "新增学位",
        "New school places",
    )
    assert (draft.report, draft.year, draft.area) == ("syn-2023", 2023, "livelihood")
    assert draft.target == Target(op=">=", value=12000, unit="个")
    assert draft.quote == "新增公办学位 1.2万个"
    assert draft.carried_from.id == "school-places-2022"
    assert draft.shared_words == ("学位",)
    assert draft.notes == ("1.2万个 written in 个, the unit of school-places-2022",)


def test_a_new_measure_gets_a_title_from_its_clause_an_id_from_its_place_and_a_marker(loaded):
    draft = by_id(drafted(loaded))["syn-2023-04"]
    assert (draft.metric, draft.title, draft.title_en) == (None, "新增养老床位", TITLE_EN_MARKER)
    assert draft.target == Target(op=">=", value=300, unit="张")
    assert draft.carried_from is None


def test_about_in_a_unit_without_a_default_tolerance_gets_one_to_check(loaded):
    draft = by_id(drafted(loaded))["syn-2023-05"]
    assert draft.title == "接待游客"
    assert draft.target == Target(op="~", value=600, unit="万人次", tolerance=30)
    assert draft.notes == (
        'tolerance drafted as 5% of the value: say how far from it is still "about"',
    )


def test_about_in_percent_needs_no_tolerance(loaded):
    assert by_id(drafted(loaded))["gdp-growth-2023"].target == Target("~", 5.5, "%")


def test_the_baseline_is_the_reviews_figure_of_the_same_measure(loaded):
    drafts = by_id(drafted(loaded))
    assert drafts["school-places-2023"].baseline == Baseline(
        year=2022, value=5200, quote="新增学位 5200个", source="syn-2023"
    )
    assert drafts["greenways-2023"].baseline.value == 2.5
    assert drafts["syn-2023-04"].baseline is None
    assert drafts["gdp-growth-2023"].baseline is None  # the review gives no growth rate


def test_every_quote_is_found_in_the_report_and_holds_its_figure(loaded):
    document = loaded.documents["syn-2023"]
    for draft in drafted(loaded).drafts:
        match = find_quote(document, draft.quote)
        assert match is not None, draft.quote
        assert match.start <= draft.found.figure.start < match.end


def test_the_area_is_the_one_named_by_the_chapter_or_in_the_paragraph(loaded):
    drafts = by_id(drafted(loaded))
    assert drafts["greenways-2023"].area == "livelihood"  # （一）做好民生工作
    assert drafts["gdp-growth-2023"].area == "headline"  # 今年主要预期目标是：…


def test_a_chapter_with_a_new_title_continues_the_area_of_its_repeated_measures(draft_files):
    loaded = load_targets(draft_files(chapter_one="办好民生实事"))
    result = drafted(loaded)
    assert {d.id: d.area for d in result.drafts}["syn-2023-04"] == "livelihood"
    assert [a.id for a in result.areas] == ["syn-2023-chapter-2"]


def test_a_chapter_of_new_measures_gets_a_new_area_from_its_title(loaded):
    result = drafted(loaded)
    assert result.areas == (
        DraftedArea("syn-2023-chapter-2", "建设数字政府", NAME_EN_MARKER, "（二）"),
    )
    assert by_id(result)["syn-2023-06"].area == "syn-2023-chapter-2"


def test_names_and_milestones_are_listed_as_candidates(loaded):
    result = drafted(loaded)
    assert [(f.figure.text, f.figure.clause) for f in result.names] == [
        ("十件", "办好十件民生实事")
    ]
    assert result.milestones == (MilestoneCandidate(10, "（二）", "全面建成区政务服务中心"),)


def test_the_written_drafts_are_valid_tracked_and_each_a_warning(tmp_path, draft_files):
    targets_file = draft_files()
    loaded = load_targets(targets_file)
    text = write_drafts(targets_file.read_text(encoding="utf-8"), drafted(loaded))
    again = load_targets_text(text, tmp_path / "seeds")
    assert again.errors == []
    assert [(p.record, p.field) for p in again.warnings] == [
        ("syn-2023-chapter-2", "name_en"),
        ("gdp-growth-2023", "draft"),
        ("school-places-2023", "draft"),
        ("greenways-2023", "draft"),
        ("syn-2023-04", "draft"),
        ("syn-2023-05", "draft"),
        ("syn-2023-06", "draft"),
    ]
    assert all(c.draft for c in again.targets.commitments if c.report == "syn-2023")
    second = draft_report(again.targets, "syn-2023", again.documents["syn-2023"])
    assert second.drafts == () and second.areas == ()


def test_a_measure_already_recorded_for_the_year_is_not_carried_twice(tmp_path, draft_files):
    targets_file = draft_files()
    # SYNTHETIC: school-places recorded for 2023 on another clause (its quote holds its figure)
    text = targets_file.read_text(encoding="utf-8") + (
        "\n  - id: school-places-2023\n    report: syn-2023\n    year: 2023\n    area: livelihood\n"
        "    metric: school-places\n    title: 新增学位\n    title_en: New school places\n"
        '    target: {op: ">=", value: 300, unit: 张}\n    quote: 新增养老床位 300张\n'
    )
    loaded = load_targets_text(text, tmp_path / "seeds")
    assert loaded.errors == []
    drafts = by_id(drafted(loaded))
    assert "school-places-2023-2" not in drafts
    assert drafts["syn-2023-02"].metric is None
