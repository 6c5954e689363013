"""Numbers, units and targets written for each language (dashboard.numbers)."""

from pathlib import Path

import pytest

from dashboard.numbers import (
    UNITS_EN,
    format_number,
    format_percent,
    format_quantity,
    target_in_words,
    unit_name_en,
)

#: every formatter's output over a grid of values, units, ops and languages, as written before
#: the formatting left i18n.py and its two unit tables (UNITS_EN, UNIT_NAMES_EN) became one
GOLDEN = Path(__file__).resolve().parent / "fixtures" / "number_formats.txt"


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        (6900, "6900", "6,900"),
        (18000, "1.8万", "18,000"),
        (12368, "1.2368万", "12,368"),
        (1_129_400, "112.94万", "1,129,400"),
        (717.85, "717.85", "717.85"),
        (250_000_000, "2.5亿", "250,000,000"),
        (-3.5, "-3.5", "-3.5"),
    ],
)
def test_numbers_use_wan_and_yi_in_chinese_and_separators_in_english(value, zh, en):
    assert format_number(value, "zh") == zh
    assert format_number(value, "en") == en


@pytest.mark.parametrize(
    ("value", "unit", "zh", "en"),
    [
        (6900, "个", "6900个", "6,900"),
        (18000, "个", "1.8万个", "18,000"),
        (52.26, "亿元", "52.26亿元", "5.226 billion yuan"),
        (26, "亿元", "26亿元", "2.6 billion yuan"),
        (3.0, "%", "3.0%", "3.0%"),
        (6.5, "%", "6.5%", "6.5%"),
        (85.22, "%", "85.22%", "85.22%"),
        (0.5, "个百分点", "0.5个百分点", "0.5 percentage points"),
        (120, "公里", "120公里", "120 km"),
        (8000, "人次", "8000人次", "8,000 person-times"),
        (None, "个", "", ""),
    ],
)
def test_quantities_carry_their_unit_in_each_language(value, unit, zh, en):
    assert format_quantity(value, unit, "zh") == zh
    assert format_quantity(value, unit, "en") == en


@pytest.mark.parametrize(
    ("op", "value", "unit", "tolerance", "zh", "en"),
    [
        (">=", 6900, "个", None, "不低于6900个", "at least 6,900"),
        ("~", 6.5, "%", 0.5, "6.5%左右（±0.5）", "about 6.5% (±0.5)"),
        ("<=", 3.0, "%", None, "不超过3.0%", "at most 3.0%"),
        ("<=", 20, "名", None, "前20名", "in the top 20"),
        ("done", None, None, None, "完成（里程碑）", "done (a milestone)"),
    ],
)
def test_targets_in_words(op, value, unit, tolerance, zh, en):
    assert target_in_words(op, value, unit, tolerance, "zh") == zh
    assert target_in_words(op, value, unit, tolerance, "en") == en


def test_percent_of_target_is_a_whole_number_and_empty_when_none():
    assert format_percent(16.92, "en") == "17%"
    assert format_percent(None, "zh") == ""


def test_one_of_a_unit_is_singular_in_english():
    assert format_quantity(1, "家", "en") == "1 firm"
    assert format_quantity(2, "家", "en") == "2 firms"
    assert target_in_words(">=", 1, "户", None, "en") == "at least 1 household"
    assert format_quantity(1.0, "个百分点", "en") == "1.0 percentage points"


def format_lines() -> list[str]:
    """Return each formatter's output over the grid, one `call -> output` a line."""
    from dashboard.i18n import tolerance_defaults

    units = [*UNITS_EN, None, "", "万人", "万亩", "亩", "吨", "万吨", "辆"]
    out = []
    for value in [None, float("nan"), 0, 1, 2, 6.5, 12368, 1_129_400, 250_000_000, -3.5, 717.857]:
        for decimals in (0, 2, 4):
            for lang in ("zh", "en"):
                written = format_number(value, lang, decimals)
                out.append(f"format_number({value!r}, {lang!r}, {decimals}) -> {written!r}")
    for unit in units:
        out.append(f"unit_name_en({unit!r}) -> {unit_name_en(unit)!r}")
        for value in [None, 0, 1, 2, 6.5, 18000, 52.26, 250_000_000, -3.5]:
            for lang in ("zh", "en"):
                written = format_quantity(value, unit, lang)
                out.append(f"format_quantity({value!r}, {unit!r}, {lang!r}) -> {written!r}")
        for op, tolerance in ((">=", None), ("<=", None), ("~", 0.5), ("~", None), ("done", None)):
            for value in [1, 18000]:
                for lang in ("zh", "en"):
                    words = target_in_words(op, value, unit, tolerance, lang)
                    call = f"target_in_words({op!r}, {value!r}, {unit!r}, {tolerance!r}, {lang!r})"
                    out.append(f"{call} -> {words!r}")
    for value in [None, 16.92, 0, 250.5]:
        out.append(f"format_percent({value!r}) -> {format_percent(value, 'en')!r}")
    for lang in ("zh", "en"):
        out.append(f"tolerance_defaults({lang!r}) -> {tolerance_defaults(lang)!r}")
    return out


def test_every_format_is_written_as_before_the_unit_tables_were_merged():
    golden = GOLDEN.read_text(encoding="utf-8").splitlines()
    assert sorted(format_lines()) == sorted(golden)
