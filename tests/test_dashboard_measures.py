"""Rates against their target in points, amounts in percent; which side of a target is good."""

import pytest

from dashboard.measures import (
    against_target,
    gap_words,
    measure_kind,
    measure_kinds,
)


@pytest.mark.parametrize(
    ("op", "unit", "metric", "kind"),
    [
        ("~", "%", "gdp-growth", "rate"),
        ("<=", "%", "consumer-prices", "rate"),
        (">=", "个百分点", None, "rate"),
        (">=", "亿元", "budget-revenue-growth", "rate"),
        (">=", "家", "urban-unemployment-rate", "rate"),
        (">=", "个", "school-places", "amount"),
        (">=", "亿元", "key-project-investment", "amount"),
        (">=", "公里", "growthpoles", "amount"),
        ("<=", "名", "civilised-city-ranking", "rank"),
        ("done", None, "four-venues", "milestone"),
    ],
)
def test_measure_kind(op, unit, metric, kind):
    assert measure_kind(op, unit, metric) == kind


def test_measure_kinds_of_a_frame_match_one_by_one(small_frame):
    expected = [measure_kind(r.op, r.unit, r.metric) for r in small_frame.itertuples()]
    assert list(measure_kinds(small_frame)) == expected
    assert expected == ["rate", "rate", "amount", "amount", "amount", "milestone"]


@pytest.mark.parametrize(
    ("op", "target", "tolerance", "outcome", "unit", "en", "zh"),
    [
        ("~", 6.5, 0.5, 1.1, "%", "5.4 pp short of target", "低于目标5.4个百分点"),
        ("~", 6.5, 0.5, 6.2, "%", "0.3 pp below, within ±0.5", "低于目标0.3个百分点（在±0.5以内）"),
        ("~", 6.5, 0.5, 7.0, "%", "0.5 pp above target", "高于目标0.5个百分点"),
        ("~", 6.5, 0.5, 6.5, "%", "on target", "与目标持平"),
        ("<=", 3.0, None, 1.6, "%", "1.4 pp under the ceiling", "低于上限1.4个百分点"),
        ("<=", 3.0, None, 3.0, "%", "at the ceiling", "等于上限"),
        ("<=", 3.0, None, 3.5, "%", "0.5 pp over the ceiling", "超出上限0.5个百分点"),
        (">=", 10.0, None, 9.0, "%", "1.0 pp short of target", "低于目标1.0个百分点"),
        (">=", 1.0, None, 0.4, "个百分点", "0.6 pp short of target", "低于目标0.6个百分点"),
        (">=", 3.0, None, 2.0, "公里", "1 km short of target", "低于目标1公里"),
    ],
)
def test_gap_in_words_says_which_side_is_good(op, target, tolerance, outcome, unit, en, zh):
    assert gap_words(op, target, tolerance, outcome, unit, "en") == en
    assert gap_words(op, target, tolerance, outcome, unit, "zh") == zh


def test_against_target_gives_points_for_rates_and_percent_for_amounts_only(small_frame):
    by_id = {r.id: r for r in small_frame.itertuples()}
    assert against_target(by_id["syn-gdp"], "en") == "0.2 pp above target"
    assert against_target(by_id["syn-cpi"], "en") == "0.5 pp over the ceiling"
    assert against_target(by_id["syn-places"], "en") == "104%"
    assert against_target(by_id["syn-parks"], "en") == ""  # no figure
    assert against_target(by_id["syn-library"], "en") == ""  # a milestone
