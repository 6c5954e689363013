"""A commitment's page as data: the quote located and marked, escaping, progress, same metric."""

from pathlib import Path

import pytest

from dashboard.detail import (
    escape_markdown,
    highlighted_html,
    locate_quote,
    passage_location,
    progress_table,
    same_metric,
)
from loaders.report import parse_report
from loaders.validate import load_targets

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
        f"R · paragraph {passage.paragraph.number} · plan （一） 扩大公共服务供给"
    )


def test_a_quote_not_in_the_report_is_not_located(document):
    assert locate_quote(document, "新增学位 9999个") is None
    assert locate_quote(None, "anything") is None


def test_report_text_with_html_is_escaped_around_the_mark():
    document = parse_report("扩大供给。<script>alert(1)</script>确保新增学位 10个以上。\n")
    html = highlighted_html(locate_quote(document, "确保新增学位 10个以上"))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<mark" in html


def test_markdown_escaping_keeps_html_links_and_formatting_as_text():
    assert escape_markdown("<img src=x onerror=alert(1)>") == (r"\<img src=x onerror=alert\(1\)\>")
    assert escape_markdown("**bold** [a](b) $x$ :red[y]") == (
        r"\*\*bold\*\* \[a\]\(b\) \$x\$ \:red\[y\]"
    )
    assert escape_markdown("新增学位 6900个以上") == "新增学位 6900个以上"


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


def test_same_metric_lists_the_other_years_of_a_measure(targets):
    real = load_targets(ROOT / "targets.yaml").targets
    upgrade = next(c for c in real.commitments if c.id == "technical-upgrade-projects-2022")
    assert [c.id for c in same_metric(real, upgrade)] == ["technical-upgrade-projects-2024"]
    assert same_metric(targets, commitment(targets, "syn-parks")) == []
