"""A commitment's page as data: the quote located and marked, escaping, progress, same metric."""

from pathlib import Path

import pytest

from dashboard.detail import (
    MAX_CHOICES,
    choose_commitment,
    highlighted_html,
    locate_quote,
    passage_location,
    progress_table,
    same_metric,
)
from loaders.load.targets import load_targets
from loaders.texts.report import parse_report

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def targets(small_data):
    return small_data.result.targets


@pytest.fixture(scope="module")
def document(small_data):
    return small_data.result.documents["syn-2020"]


def commitment(targets, commitment_id):
    return next(c for c in targets.commitments if c.id == commitment_id)


def test_quote_is_located_in_its_paragraph_and_marked(document):
    passage = locate_quote(document, "确保新增学位 5000个以上")
    assert passage.paragraph.heading == "扩大公共服务供给"
    html = highlighted_html(passage)
    assert "<mark" in html
    assert ">确保新增学位 5000个以上</mark>，新建公园 4个" in html


def test_paragraph_location_names_report_number_part_and_chapter(document):
    passage = locate_quote(document, "确保新增学位 5000个以上")
    assert passage_location(passage, "R", "en") == (
        f"R · paragraph {passage.paragraph.number} · plan （一） 扩大公共服务供给 (no English text)"
    )


def test_a_quote_not_in_the_report_is_not_located(document):
    assert locate_quote(document, "新增学位 9999个") is None
    assert locate_quote(None, "anything") is None


def test_report_text_with_html_is_escaped_around_the_mark():
    # the reader drops tag-shaped text (a page copied with its source); what is left is escaped
    document = parse_report(
        "扩大供给。<script>alert(1)</script>1<2 & 3>2。确保新增学位 10个以上。\n"
    )
    html = highlighted_html(locate_quote(document, "确保新增学位 10个以上"))
    assert "<script>" not in html
    assert "alert(1)1&lt;2 &amp; 3&gt;2。<mark" in html


def test_progress_timeline_lists_entries_in_order_with_sources(targets):
    table = progress_table(commitment(targets, "syn-places"), targets, "en")
    assert table.to_dict("records") == [
        {
            "For": "2020",
            "Figure": "4,000",
            "Source": "Synthetic District Statistical Bulletin 2020",
            "Quote or note": "section 2",
        },
        {
            "For": "2021",
            "Figure": "5,200",
            "Source": "Synthetic District Statistical Bulletin 2020",
            "Quote or note": "section 2, later revision",
        },
    ]
    assert (
        progress_table(commitment(targets, "syn-library"), targets, "zh").iloc[0]["数值"]
        == "已完成"
    )


def test_progress_timeline_shows_done_false_as_under_way(under_way_data):
    targets = under_way_data.result.targets
    library = commitment(targets, "syn-library")
    assert progress_table(library, targets, "en").to_dict("records") == [
        {
            "For": "2020",
            "Figure": "under way",
            "Source": "Synthetic District Statistical Bulletin 2020",
            "Quote or note": "section 3",
        }
    ]
    assert progress_table(library, targets, "zh").iloc[0]["数值"] == "推进中"


def test_same_metric_lists_the_other_years_of_a_measure(targets):
    real = load_targets(ROOT / "targets.yaml").targets
    upgrade = next(c for c in real.commitments if c.id == "technical-upgrade-projects-2022")
    assert [c.id for c in same_metric(real, upgrade)] == ["technical-upgrade-projects-2024"]
    assert same_metric(targets, commitment(targets, "syn-parks")) == []


KNOWN = {"a", "b", "c", "hidden"}


def test_the_chooser_shows_the_asked_commitment():
    assert choose_commitment(["a", "b", "c"], KNOWN, "b") == (["a", "b", "c"], "b")


def test_the_chooser_shows_the_first_commitment_when_none_is_asked():
    assert choose_commitment(["a", "b"], KNOWN, "") == (["a", "b"], "a")


def test_a_commitment_the_filters_hide_is_listed_first_when_asked():
    assert choose_commitment(["a", "b"], KNOWN, "hidden") == (["hidden", "a", "b"], "hidden")


def test_an_unknown_commitment_is_not_listed_and_the_first_is_shown():
    assert choose_commitment(["a", "b"], KNOWN, "no-such-id") == (["a", "b"], "a")


def test_nothing_to_choose_from():
    assert choose_commitment([], KNOWN, "") == ([], None)
    assert choose_commitment([], KNOWN, "no-such-id") == ([], None)
    assert choose_commitment([], KNOWN, "hidden") == (["hidden"], "hidden")


def test_the_chooser_lists_at_most_max_choices_plus_the_asked_one():
    shown = [f"id-{i}" for i in range(MAX_CHOICES + 10)]
    choices, chosen = choose_commitment(shown, {*shown, "hidden"}, "hidden")
    assert len(choices) == MAX_CHOICES + 1
    assert (choices[0], choices[-1], chosen) == ("hidden", f"id-{MAX_CHOICES - 1}", "hidden")


def test_on_a_phone_the_progress_timeline_is_a_list():
    import pandas as pd

    from dashboard.detail import progress_markdown

    table = pd.DataFrame(
        [("2022", "1.1%", "Bulletin [1]", "（无中文）growth 1.1%"), ("2023", "done", "Report", "")],
        columns=["For", "Figure", "Source", "Quote or note"],
    )
    assert progress_markdown(table) == (
        "- **2022 · 1\\.1%** — Bulletin \\[1\\]  \n  （无中文）growth 1\\.1%\n- **2023 · done** — Report"
    )
