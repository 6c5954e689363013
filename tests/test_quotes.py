"""Quote matching: normalised forms match, different figures do not, closest passage helps."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.texts.matching import fold, normalise, paragraph_index
from loaders.texts.quotes import closest_passage, find_quote
from loaders.texts.report import parse_report, read_report

REPORT_2022 = (
    Path(__file__).resolve().parent.parent
    / "seeds"
    / "2022-03-15-qingcheng-government-work-report.txt"
)


@pytest.fixture(scope="module")
def doc():
    return read_report(REPORT_2022).document


def matched_text(doc, quote):
    match = find_quote(doc, quote)
    return doc.paragraph(match.paragraph).text[match.start : match.end] if match else None


def test_normalise_folds_width_whitespace_and_markers():
    assert normalise("学位 ６９００\n个（以上）〔3〕") == "学位6900个(以上)"


def test_quote_as_the_report_writes_it(doc):
    assert (
        matched_text(doc, "确保新增中小学（幼儿园）学位 6900个以上")
        == "确保新增中小学（幼儿园）学位 6900个以上"
    )


def test_quote_with_full_width_digits_and_half_width_brackets(doc):
    assert (
        matched_text(doc, "确保新增中小学(幼儿园)学位６９００个以上")
        == "确保新增中小学（幼儿园）学位 6900个以上"
    )


def test_quote_without_spaces_across_a_source_line_break(doc):
    assert matched_text(doc, "新增学位超1.8万个") == "新增学位超 1.8万个"


def test_quote_containing_a_footnote_marker(doc):
    assert (
        matched_text(doc, "完成“四好农村路”〔17〕建设 120公里以上")
        == "完成“四好农村路”建设 120公里以上"
    )


def test_quote_with_a_wrong_figure_is_not_found(doc):
    assert find_quote(doc, "确保新增中小学（幼儿园）学位 6800个以上") is None


def test_closest_passage_for_a_typo_in_a_number(doc):
    assert (
        closest_passage(doc, "确保新增中小学（幼儿园）学位 6800个以上")
        == "确保新增中小学（幼儿园）学位 6900个以上"
    )


def test_closest_passage_for_a_missing_character(doc):
    assert closest_passage(doc, "完成“四好农村路”建设120公里") == "完成“四好农村路”建设 120公里"


def test_quote_from_another_report_still_gets_a_passage(doc):
    # the 2024 report's technical-upgrade clause, looked for in the 2022 report: the 2022
    # clause of the same measure is the closest passage (an empty one would be the failure)
    assert find_quote(doc, "推动55个项目完成技改投") is None
    assert closest_passage(doc, "推动55个项目完成技改投") == "争推动 30个项目开展技改"


def test_quote_may_not_span_paragraphs():
    doc = parse_report("\t第一段。\n\t第二段。\n")
    assert find_quote(doc, "第一段。第二段") is None
    assert find_quote(doc, "第二段") is not None


def test_empty_quote_never_matches(doc):
    assert find_quote(doc, "  ") is None


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_the_fast_fold_gives_the_same_text_as_the_per_character_index(text):
    assert fold(text) == paragraph_index(text)[0]


def test_the_fast_fold_drops_footnote_markers_and_nul():
    assert fold("学位〔1〕 6900\x00个") == "学位6900个"


def test_quote_paragraphs_are_those_of_find_quotes():
    from loaders.texts.quotes import find_quotes, quote_paragraphs
    from loaders.texts.report import parse_report

    # SYNTHETIC: one clause in two paragraphs, one only in the second
    document = parse_report(
        "一、回顾\n新增学位 500个。\n\n二、计划\n新增学位 500个，建成公园 2个。\n"
    )
    for quote in ("新增学位500个", "建成公园 2个", "不在其中"):
        assert quote_paragraphs(document, quote) == [
            m.paragraph for m in find_quotes(document, quote)
        ]
