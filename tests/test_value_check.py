"""A quoted value agrees with its quote (Chinese numerals, 万, 个百分点), on SYNTHETIC texts."""

import pytest

from loaders.load.targets import load_targets_text

REPORT = """合成区人民政府工作报告（SYNTHETIC，2022年）
各位代表：
2022 年工作安排
今年主要目标是：新建二十个社区食堂，新增学位 1.8万个，城镇登记失业率下降 0.5个百分点。
"""

TARGETS = """
reports:
  - {id: syn-2022, title: SYNTHETIC, title_en: SYNTHETIC, date: 2022-03-01, file: syn-2022.txt}
areas:
  - {id: all, name: 全部, name_en: All}
commitments:
  - id: x
    report: syn-2022
    year: 2022
    area: all
    title: SYNTHETIC
    title_en: SYNTHETIC
    target: {op: ">=", value: %s, unit: %s}
    quote: %s
"""


def problems(value, unit, quote, tmp_path, report=REPORT):
    seeds = tmp_path / "seeds"
    seeds.mkdir(parents=True)
    (seeds / "syn-2022.txt").write_text(report, encoding="utf-8")
    result = load_targets_text(TARGETS % (value, unit, quote), seeds)
    return [(p.code, p.message) for p in result.problems]


@pytest.mark.parametrize(
    ("value", "unit", "quote"),
    [
        (20, "个", "新建二十个社区食堂"),
        (18000, "个", "新增学位 1.8万个"),
        (1.8, "万个", "新增学位 1.8万个"),
        (0.5, "个百分点", "城镇登记失业率下降 0.5个百分点"),
    ],
)
def test_a_value_the_quote_gives_after_conversion_passes(value, unit, quote, tmp_path):
    assert problems(value, unit, quote, tmp_path) == []


def test_a_chinese_numeral_off_by_one_is_named_as_written(tmp_path):
    assert problems(21, "个", "新建二十个社区食堂", tmp_path) == [
        (
            "value-not-in-quote",
            "21 is not in its quote, which gives 二十个: write the figure the quote gives",
        )
    ]


def test_a_quote_without_a_figure_is_told(tmp_path):
    assert problems(20, "个", "社区食堂", tmp_path) == [
        (
            "value-not-in-quote",
            "20 is not in its quote, which gives no figure: quote the clause that gives 20 个",
        )
    ]


def test_visits_in_ren_ci_are_not_a_count_in_ge(tmp_path):
    report = REPORT + "全年接待游客 9120人次，新建驿站 12个。\n"
    assert problems(9120, "个", "全年接待游客 9120人次", tmp_path, report) == [
        (
            "unit-not-in-quote",
            "9120 is not in its quote, which gives 9120人次, in 人次, not in the target's unit 个: "
            "quote the clause that gives the figure in 个, or correct the target's unit",
        )
    ]


def test_visits_in_ren_ci_pass_under_ren_ci_and_wan_ren_ci(tmp_path):
    report = REPORT + "全年接待游客 9120人次。\n"
    assert problems(9120, "人次", "全年接待游客 9120人次", tmp_path, report) == []
    assert problems(0.912, "万人次", "全年接待游客 9120人次", tmp_path / "x", report) == []
