"""Outcomes read from later documents (SYNTHETIC texts): the kind of a later document, what a
figure measures, one figure to one commitment, milestones from later mentions, what --write
records without --pick, and the check's guards on outcomes."""

import io

import pytest

from loaders.cli.main import main
from loaders.figures.later import later_kind
from loaders.figures.measures import figure_subject, names_a_part
from loaders.figures.scan import figures_in_text
from loaders.figures.suggest import suggest_progress
from loaders.load.targets import load_targets, load_targets_text
from loaders.texts.report import parse_report

# ---- the kind of a later document ----------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "opening", "kind", "year"),
    [
        ("合成县2023年国民经济和社会发展统计公报", "一、综合", "bulletin", 2023),
        (
            "关于合成县2023年国民经济和社会发展计划执行情况与2024年计划草案的报告",
            "各位代表：",
            "plan-execution",
            2023,
        ),
        ("2024年1—6月合成县经济运行情况", "上半年，全县经济稳中有进。", "period", 2024),
        ("2024年合成县人民政府工作报告", "各位代表：", "work-report", 2023),
    ],
)
def test_the_kind_and_outcome_year_are_read_from_the_title(title, opening, kind, year):
    document = parse_report(f"SYNTHETIC\n{title}\n{opening}\n全年增长5%。\n", plan_year=2024)
    found = later_kind(document, title, 2024)
    assert (found.kind, found.outcome_year) == (kind, year)


def test_a_plan_execution_report_holds_no_outcome_in_next_years_draft_plan():
    text = (
        "SYNTHETIC 关于合成区2023年计划执行情况与2024年计划草案的报告\n"
        "一、2023年国民经济和社会发展计划执行情况\n"
        "全区地区生产总值增长5.9%。\n"
        "二、2024年经济社会发展的总体要求和主要目标\n"
        "地区生产总值增长6%左右。\n"
    )
    document = parse_report(text)
    kind = later_kind(document, "关于合成区2023年计划执行情况与2024年计划草案的报告", 2024)
    held = [p.text for p in document.paragraphs if p.number in kind.outcome_paragraphs]
    assert "全区地区生产总值增长5.9%。" in held
    assert "地区生产总值增长6%左右。" not in held
    assert kind.how.endswith("next year's plan from ¶4")


def test_the_kind_on_the_report_record_overrides_the_title():
    document = parse_report("SYNTHETIC\n某某情况通报\n全年增长5%。\n")
    assert later_kind(document, "某某情况通报", 2024, "bulletin").kind == "bulletin"


# ---- what a figure measures ----------------------------------------------------------------


def subject_of(text, index=-1):
    """Return the subject text of a text's figure (the last by default)."""
    figure = [f for f in figures_in_text(text) if f.value is not None][index]
    return figure_subject(text, figure).text


def test_a_clause_without_a_subject_takes_the_one_before_it():
    assert subject_of("全县地区生产总值(初步核算数)为168亿元,增长5.3%") == (
        "全县地区生产总值(初步核算数)为168亿元 增长"
    )


def test_a_sub_measure_keeps_its_own_subject():
    assert subject_of("一般公共预算收入7.9亿元，其中税收收入5.1亿元") == "其中税收收入"


def test_a_list_gives_each_figure_its_own_measure():
    text = "规上工业增加值、固定资产投资、社会消费品零售总额分别增长8.2%、3.4%、8.3%"
    assert [subject_of(text, i) for i in range(3)] == [
        "规上工业增加值",
        "固定资产投资",
        "社会消费品零售总额",
    ]


def test_urban_and_rural_together_split_into_two_measures():
    text = "城乡居民人均可支配收入分别达到45210元、23860元，分别增长4.9%、6.6%"
    assert subject_of(text) == "农村居民人均可支配收入"


def test_a_heading_sentence_names_the_measure_of_the_sentence_after_it():
    assert subject_of("3.固定资产投资。全年完成126.7亿元,下降5.3%") == "3.固定资产投资。 下降"


def test_a_part_is_not_the_whole():
    assert names_a_part("第一产业增加值", "规上工业增加值增长")
    assert names_a_part("人均地区生产总值", "地区生产总值增长")
    assert not names_a_part("城镇居民人均可支配收入", "城镇居民人均可支配收入增长")


# ---- matching ------------------------------------------------------------------------------

PLAN = """SYNTHETIC 合成县人民政府工作报告（2023年）
一、2022年工作回顾
地区生产总值增长4%。
二、2023年工作安排
地区生产总值增长6%左右，规上工业增加值增长8%，工业投资完成30亿元，重点项目完成投资40亿元，技改投资8亿元。建成县人民医院新院区。完成城东污水处理厂二期工程。
"""

LATER = """SYNTHETIC 合成县人民政府工作报告（2024年）
一、2023年工作回顾
全县实现地区生产总值152.8亿元，增长5.1%，其中第一产业增加值增长5.2%；规上工业增加值下降2.1%；完成工业投资30.2亿元。县人民医院新院区建成并投入使用。城东污水处理厂二期主体工程基本完工。
二、2024年工作安排
地区生产总值增长5.5%左右。
"""

TARGETS = """
reports:
  - {id: syn-2023, title: SYNTHETIC 合成县人民政府工作报告, title_en: SYNTHETIC, date: 2023-01-10, file: plan.txt}
  - {id: syn-2024, title: SYNTHETIC 合成县人民政府工作报告, title_en: SYNTHETIC, date: 2024-01-10, file: later.txt}
  - {id: syn-stats, title: SYNTHETIC 统计公报, title_en: SYNTHETIC, date: 2024-03-01, publisher: SYNTHETIC}
areas:
  - {id: all, name: 全部, name_en: All}
commitments:
  - id: gdp
    report: syn-2023
    year: 2023
    area: all
    title: 地区生产总值增长
    title_en: GDP
    target: {op: "~", value: 6, unit: "%"}
    quote: 地区生产总值增长6%左右
  - id: industry
    report: syn-2023
    year: 2023
    area: all
    title: 规上工业增加值增长
    title_en: Industry
    target: {op: ">=", value: 8, unit: "%"}
    quote: 规上工业增加值增长8%
  - id: industrial-investment
    report: syn-2023
    year: 2023
    area: all
    title: 工业投资
    title_en: Industrial investment
    target: {op: ">=", value: 30, unit: 亿元}
    quote: 工业投资完成30亿元
  - id: key-projects
    report: syn-2023
    year: 2023
    area: all
    title: 重点项目完成投资
    title_en: Key projects
    target: {op: ">=", value: 40, unit: 亿元}
    quote: 重点项目完成投资40亿元
  - id: upgrade-investment
    report: syn-2023
    year: 2023
    area: all
    title: 技改投资
    title_en: Technical upgrades
    target: {op: ">=", value: 8, unit: 亿元}
    quote: 技改投资8亿元
  - id: hospital
    report: syn-2023
    year: 2023
    area: all
    title: 建成县人民医院新院区
    title_en: Hospital
    target: {op: done}
    quote: 建成县人民医院新院区
  - id: sewage
    report: syn-2023
    year: 2023
    area: all
    title: 城东污水处理厂二期工程
    title_en: Sewage plant
    target: {op: done}
    quote: 完成城东污水处理厂二期工程
"""


@pytest.fixture
def tracker(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "plan.txt").write_text(PLAN, encoding="utf-8")
    (seeds / "later.txt").write_text(LATER, encoding="utf-8")
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    return tmp_path


def suggestions(tracker):
    result = load_targets_text(TARGETS, tracker / "seeds")
    assert result.ok, [str(p) for p in result.problems]
    return suggest_progress(result.targets, "syn-2024", result.documents["syn-2024"], "syn-2023")


def test_each_figure_goes_to_one_commitment_and_a_decline_keeps_its_sign(tracker):
    written = {
        s.commitment.id: (s.value if s.done is None else s.done)
        for s in suggestions(tracker)
        if s.write
    }
    assert written == {
        "gdp": 5.1,
        "industry": -2.1,
        "industrial-investment": 30.2,
        "hospital": True,
        "sewage": False,
    }


def test_a_sub_measure_and_the_next_years_target_are_never_offered(tracker):
    offered = {(s.commitment.id, s.figure) for s in suggestions(tracker)}
    assert ("industry", "5.2%") not in offered  # 第一产业增加值
    assert ("gdp", "5.5%") not in offered  # the 2024 plan's target


def test_a_milestone_is_done_or_under_way_with_its_quote(tracker):
    milestones = {
        s.commitment.id: (s.done, s.quote) for s in suggestions(tracker) if s.done is not None
    }
    assert milestones == {
        "hospital": (True, "县人民医院新院区建成并投入使用"),
        "sewage": (False, "城东污水处理厂二期主体工程基本完工"),
    }


def run(tracker, *args):
    out, err = io.StringIO(), io.StringIO()
    code = main(["--targets", str(tracker / "targets.yaml"), *args], out, err)
    return code, out.getvalue(), err.getvalue()


def test_write_records_only_the_sure_outcomes_and_never_twice(tracker):
    code, out, _ = run(tracker, "find", "syn-2023", "--suggest", "syn-2024", "--write")
    assert code == 0, out
    assert "Added 5 progress entries" in out
    text = (tracker / "targets.yaml").read_text(encoding="utf-8")
    assert "value: -2.1" in text and "quote: 规上工业增加值下降2.1%" in text
    assert "done: false" in text
    result = load_targets(tracker / "targets.yaml")
    assert [str(p) for p in result.problems] == []
    code, out, _ = run(tracker, "find", "syn-2023", "--suggest", "syn-2024", "--write")
    assert "Nothing to add." in out
    assert (tracker / "targets.yaml").read_text(encoding="utf-8") == text


def test_the_listing_says_why_a_candidate_is_not_written(tracker):
    _, out, _ = run(tracker, "find", "syn-2023", "--suggest", "syn-2024")
    assert "— will write" in out
    assert "not written: " in out


# ---- the check's guards ------------------------------------------------------------------


GUARDED = TARGETS.replace(
    "quote: 规上工业增加值增长8%\n",
    "quote: 规上工业增加值增长8%\n    progress: [%s]\n",
)


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        (
            "{year: 2023, value: 5.2, source: syn-2024, quote: 其中第一产业增加值增长5.2%}",
            [
                (
                    "progress-measure",
                    "its figure 5.2% measures “第一产业增加值”, not “规上工业增加值增长”: "
                    "check that the entry belongs to this commitment",
                )
            ],
        ),
        (
            "{year: 2023, value: -2.1, source: syn-2024, quote: 规上工业增加值下降2.1%}, "
            "{year: 2023, value: -2.1, source: syn-2024, quote: 规上工业增加值下降2.1%}",
            [
                (
                    "progress-duplicate",
                    "repeats the entry for 2023 from syn-2024: delete one of them",
                )
            ],
        ),
        (
            "{year: 2023, value: -2.1, source: syn-2024, quote: 规上工业增加值下降2.1%}, "
            "{year: 2023, value: -2.4, source: syn-stats, note: a later revision}",
            [
                (
                    "progress-disagree",
                    "2023: -2.4 from syn-stats, but -2.1 from syn-2024: the sources disagree; "
                    "keep the one that decides (the final figure, or the later source) and say "
                    "why in a note",
                )
            ],
        ),
    ],
)
def test_the_check_warns_on_doubtful_outcomes(tracker, entries, expected):
    result = load_targets_text(GUARDED.replace("%s", entries), tracker / "seeds")
    assert [(p.code, p.message) for p in result.warnings] == expected
    assert result.errors == []


# ---- the SYNTHETIC later documents (tests/outcome_texts) -------------------------------------


@pytest.mark.parametrize("kept", ["tuned", "holdout1"])
def test_every_tuned_later_document_writes_no_wrong_outcome_and_most_right_ones(kept):
    """The first held-out set was run once (recorded in docs/benchmarks.md), then tuned on."""
    from bench.outcomes import CASES, run_case

    for folder in sorted((CASES / kept).iterdir()):
        if (folder / "labels.yaml").is_file():
            counts = run_case(folder)
            assert counts["wrong"] == [], folder.name
            assert counts["right"] >= 0.9 * counts["labelled"], (folder.name, counts["missed"])
