"""A fall keeps its sign: the scanner reads 下降/减少/负增长 and a written minus as a fall, the
check accepts a decline recorded as negative and refuses one recorded as positive (SYNTHETIC)."""

import pytest

from loaders.figures.finder import measure_falls, outcome_value
from loaders.figures.scan import figures_in_text
from loaders.load.targets import load_targets_text


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        ("规上工业增加值下降2.1%", -2.1),
        ("比上年同期下降 2.1 %", -2.1),
        ("贡献率为-19.9%", -19.9),
        ("增速为－3.2%", -3.2),
        ("全年负增长1.2%", -1.2),
        ("贫困人口减少了300人", -300),
        ("居民消费价格回落0.4个百分点", -0.4),
        ("地區生產總值下降1.5%", -1.5),
        ("地区生产总值增长5.2%", 5.2),
        ("增速回落至3.2%", 3.2),  # the level reached, not the fall
        ("增长5-6%", 5.0),  # a range, not a minus
        ("4个国考断面稳定达标", 4),  # a figure at the start of a text
    ],
)
def test_the_scanner_reads_a_fall_with_its_sign(text, signed):
    assert [f.signed_value for f in figures_in_text(text)][:1] == [signed]


def test_a_fall_is_positive_for_a_measure_that_is_itself_a_fall():
    fall = figures_in_text("单位地区生产总值能耗下降3.5%")[0]
    assert measure_falls("单位地区生产总值能耗下降3%", 3) is True
    assert measure_falls("为企业减税降费2亿元以上", 2) is False
    assert outcome_value(fall, "%", falls=True) == 3.5
    assert outcome_value(fall, "%", falls=False) == -3.5


REPORT = """合成县人民政府工作报告（SYNTHETIC，2023年）
一、2022年工作回顾
全年规上工业增加值下降2.1%，单位地区生产总值能耗下降3.5%。
二、2023年工作安排
规上工业增加值增长6%，单位地区生产总值能耗下降3%。
"""

TARGETS = """
reports:
  - {id: syn-2022, title: SYNTHETIC, title_en: SYNTHETIC, date: 2022-03-01, publisher: SYNTHETIC}
  - {id: syn-2023, title: SYNTHETIC, title_en: SYNTHETIC, date: 2023-02-01, file: syn-2023.txt}
areas:
  - {id: all, name: 全部, name_en: All}
commitments:
  - id: industry
    report: syn-2023
    year: 2023
    area: all
    title: 规上工业增加值增长
    title_en: SYNTHETIC
    target: {op: ">=", value: 6, unit: "%%"}
    quote: 规上工业增加值增长6%%
    baseline: {year: 2022, value: %s, quote: 全年规上工业增加值下降2.1%%}
  - id: energy
    report: syn-2023
    year: 2023
    area: all
    title: 单位地区生产总值能耗下降
    title_en: SYNTHETIC
    target: {op: ">=", value: 3, unit: "%%"}
    quote: 单位地区生产总值能耗下降3%%
    baseline: {year: 2022, value: %s, quote: 单位地区生产总值能耗下降3.5%%}
"""


def problems(industry, energy, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "syn-2023.txt").write_text(REPORT, encoding="utf-8")
    result = load_targets_text(TARGETS % (industry, energy), seeds)
    return [(p.record, p.code, p.message) for p in result.problems]


def test_a_decline_recorded_as_negative_is_accepted(tmp_path):
    assert problems(-2.1, 3.5, tmp_path) == []


def test_a_decline_recorded_as_positive_is_an_error(tmp_path):
    assert problems(2.1, 3.5, tmp_path) == [
        (
            "industry",
            "value-sign",
            "2.1 has the wrong sign: its quote gives 2.1% as a fall: write -2.1",
        )
    ]


def test_a_fall_of_a_measure_that_falls_is_positive(tmp_path):
    assert problems(-2.1, -3.5, tmp_path) == [
        (
            "energy",
            "value-sign",
            "-3.5 has the wrong sign: its quote gives 3.5% as a fall of a measure that is "
            "itself a fall: write 3.5",
        )
    ]
