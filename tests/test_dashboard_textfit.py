"""Text fitted to a chart: widths estimated, lines broken between words or CJK characters."""

import pytest

from dashboard.textfit import text_width, wrap_html, wrap_lines


def test_latin_text_breaks_between_words_and_keeps_every_word():
    text = 'Rural roads built under the "Four Good Rural Roads" programme'
    lines = wrap_lines(text, 150, 13)
    assert lines == ["Rural roads built under", 'the "Four Good Rural', 'Roads" programme']
    assert " ".join(lines) == text


def test_chinese_breaks_between_characters_but_never_before_a_closing_mark():
    lines = wrap_lines("（一）坚持稳中求进，全力保障经济平稳增长", 120, 13)
    assert lines == ["（一）坚持稳中求", "进，全力保障经济平", "稳增长"]
    assert not any(line.startswith(("，", "）")) for line in lines)


def test_a_word_longer_than_the_line_is_split_not_cut():
    lines = wrap_lines("abcdefghijklmnopqrstuvwxyzabcdefghijkl", 100, 13)
    assert "".join(lines) == "abcdefghijklmnopqrstuvwxyzabcdefghijkl"
    assert all(text_width(line, 13) <= 100 for line in lines)


def test_a_cjk_character_is_one_em_and_latin_a_little_over_half():
    assert text_width("政府工作", 13) == 52
    assert text_width("report", 13) == pytest.approx(6 * 0.54 * 13)
    assert text_width("GDP 6.5%", 13) == pytest.approx((5 * 0.64 + 0.28 + 0.3 + 0.64) * 13)


def test_wrapped_markup_is_escaped():
    assert wrap_html("<b> & co", 500, 13) == "&lt;b&gt; &amp; co"
