"""Finding figures in report text: one tiny fixture per rule, with exact expected values.

Every fixture here is SYNTHETIC (written in the style of the reports) unless it names a seed.
"""

from pathlib import Path

import pytest

from loaders.figures.scan import (
    LABEL_DIFFERENCE,
    LABEL_GRADE_CLASS,
    LABEL_MONITORED,
    LABEL_ORDINAL,
    LABEL_PERIOD,
    LABEL_TIME_NAME,
    LABEL_WORK_AREAS,
    chinese_number,
    figures_in_text,
    find_figures,
)
from loaders.texts.report import read_report

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def only(text):
    """Return the one figure of a text (failing when there is not exactly one)."""
    [figure] = figures_in_text(text)
    return figure


def written(text):
    """Return the figures of a text as written."""
    return [figure.text for figure in figures_in_text(text)]


# ---- numbers as PDF extraction leaves them -------------------------------------------------


def test_number_and_unit_broken_across_a_line():
    figure = only("新建污水管网 85.6\n公里")
    assert (figure.text, figure.value, figure.unit, figure.base_value) == (
        "85.6公里",
        85.6,
        "公里",
        85.6,
    )


def test_line_break_inside_a_number():
    figure = only("新增学位 69\n00个以上")
    assert (figure.text, figure.value, figure.op) == ("6900个", 6900, ">=")


def test_space_between_number_and_percent():
    figure = only("规上工业增加值增长10.0 %")
    assert (figure.text, figure.value, figure.unit, figure.measure) == (
        "10.0 %",
        10.0,
        "%",
        "percent",
    )


def test_full_width_digits_point_percent_and_space():
    assert (only("确保新增学位６９００个以上").value, only("增长７．５％左右").value) == (6900, 7.5)
    figure = only("新建城市道路\u3000８．５\u3000公里")
    assert (figure.value, figure.unit) == (8.5, "公里")


def test_thousands_separator():
    assert only("新增就业岗位 12,000 个").value == 12000


def test_clause_is_the_text_between_clause_marks_without_line_breaks():
    figure = figures_in_text("坚持项目为王，力促 48项、年度投资 52.2\n6亿元重点项目落地投产。")[1]
    assert figure.clause == "力促 48项、年度投资 52.26亿元重点项目落地投产"
    assert (figure.text, figure.value) == ("52.26亿元", 52.26)


# ---- multipliers, units and what they measure ----------------------------------------------


def test_wan_multiplier_gives_base_units():
    figure = only("开展职业技能培训 1.2万人次")
    assert (figure.value, figure.unit, figure.base_value, figure.base_unit) == (
        1.2,
        "万人次",
        12000,
        "人次",
    )


def test_yi_multiplier_without_binary_noise():
    figure = only("投入 1.1亿元铺开项目")
    assert (figure.unit, figure.base_value, figure.base_unit) == ("亿元", 110_000_000, "元")


def test_unit_that_starts_like_a_multiplier():
    assert (only("新增光伏装机 30 万千瓦").unit, only("建成 20千米绿道").unit) == ("万千瓦", "千米")
    assert only("新增光伏装机 30 万千瓦").base_value == 300_000


def test_percentage_points_are_not_percent():
    points, percent = figures_in_text("比例提高 1.5个百分点，增长 1.5%")
    assert (points.unit, points.measure) == ("个百分点", "points")
    assert (percent.unit, percent.measure) == ("%", "percent")


def test_per_unit():
    figure = only("PM2.5平均浓度控制在 28微克/立方米以内")
    assert (figure.text, figure.unit, figure.op) == ("28微克/立方米", "微克/立方米", "<=")


def test_ratio_is_one_figure():
    figure = only("产业结构调整为 3.9:43.9:52.2。")
    assert (figure.text, figure.value, figure.measure) == ("3.9:43.9:52.2", None, "ratio")


# ---- Chinese numerals ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("三", 3), ("十", 10), ("十六", 16), ("二十", 20), ("一百二十", 120), ("两万", 20000)],
)
def test_chinese_number(numeral, value):
    assert chinese_number(numeral) == value


@pytest.mark.parametrize("numeral", ["十四五", "一二", "十百"])
def test_chinese_number_rejects_sequences(numeral):
    assert chinese_number(numeral) is None


def test_chinese_numeral_carrying_a_figure():
    figure = only("加快推进飞来湖等三个垃圾中转站规划选址工作")
    assert (figure.text, figure.value, figure.unit) == ("三个", 3, "个")


def test_chinese_numeral_count_before_a_noun_reads_as_a_name():
    assert only("全力办好省、市、区十件民生实事").label == LABEL_WORK_AREAS
    assert only("做好产学融合、产城融合两篇文章").label.startswith("Chinese numerals")
    assert only("深刻领悟两个确立的决定性意义").label.startswith("Chinese numerals")


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("今年重点做好以下6个方面工作：", "6个"),
        ("要重点把握好3方面：", "3方面"),
        ("重点抓好五个方面。", "五个"),
        ("突出抓好以下八项工作。", "八项"),
        ("努力完成以下9项重点工作，", "9项"),
        ("全力办好10件民生实事，", "10件"),
        ("集中力量办好十项为民实事。", "十项"),
    ],
)
def test_a_count_of_the_years_work_areas_tasks_or_promised_projects_names_them(text, figure):
    found = only(text)
    assert (found.text, found.label) == (figure, LABEL_WORK_AREAS)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("完成10项改革任务。", "10项"),  # tasks, but no 做好/抓好/以下: an amount
        ("新增5个工作站。", "5个"),  # 工作站 is no 工作
        ("新建社区服务中心3个。", "3个"),
        ("打造两个省级特色产业园。", "两个"),  # after a building verb: things to build
    ],
)
def test_a_count_of_other_things_stays_an_amount(text, figure):
    found = only(text)
    assert (found.text, found.label) == (figure, None)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("学习贯彻市委七次、八次全会精神", [("七次", LABEL_ORDINAL), ("八次", LABEL_ORDINAL)]),
        ("落实省委十二届七次、八次全会部署", [("八次", LABEL_ORDINAL)]),  # 届七次: no figure
        ("贯彻县委7次、8次全会精神", [("7次", LABEL_ORDINAL), ("8次", LABEL_ORDINAL)]),
        ("开展应急演练12次。", [("12次", None)]),
    ],
)
def test_a_list_of_meeting_ordinals_names_the_meetings(text, figures):
    assert [(f.text, f.label) for f in figures_in_text(text)] == figures


def test_names_in_chinese_numerals_before_da_are_no_figure():
    assert written("坚决打好三大攻坚战，深入实施五大工程，推进5大行动") == []


def test_chinese_numeral_count_ending_its_clause_is_an_amount():
    figure = only("新建幼儿园两所。")
    assert (figure.text, figure.value, figure.label) == ("两所", 2, None)


def test_chinese_numeral_with_multiplier():
    figure = only("开展培训两万人次以上。")
    assert (figure.value, figure.unit, figure.base_value, figure.op) == (2, "万人次", 20000, ">=")


def test_idioms_and_lone_one_are_no_figure():
    assert written("千方百计稳就业，万众创新，一批项目，强化水、电、气一张网建设") == []


# ---- ranks and grades ----------------------------------------------------------------------


def test_rank_in_the_top_n_is_at_most_n():
    figure = only("助力我市 2022年度测评成绩进入全国前二十名")
    assert (figure.text, figure.value, figure.unit, figure.op, figure.measure) == (
        "前二十名",
        20,
        "名",
        "<=",
        "rank",
    )


def test_rank_without_a_unit():
    assert (only("测评排名保持全省前三，").text, only("测评排名保持全省前三，").op) == (
        "前三",
        "<=",
    )
    assert only("力争在全市营商环境评价中排名第一。").value == 1
    assert only("空气质量综合指数改善率全省第 1。").measure == "rank"


def test_rank_with_a_unit():
    figure = only("位列全省区县工业百强排行榜第 28名。")
    assert (figure.text, figure.value, figure.op, figure.measure) == ("第 28名", 28, "=", "rank")


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("推动牛鱼嘴申报国家 4A级旅游景区", "4A级", "A级"),
        ("创建国家 5 A 级旅游景区", "5 A 级", "A级"),
        ("力促区人医创建为三甲综合医院", "三甲", "甲"),
        ("洲心敬老院三星级升级改造", "三星级", "星级"),
        ("推进区人民医院创建三级甲等医院", "三级甲等", "级甲等"),
        ("推动县人民医院创建三级医院", "三级", "级"),
        ("县中医院创建三级乙等中医医院", "三级乙等", "级乙等"),
        ("縣中醫院創建三級乙等中醫醫院", "三級乙等", "级乙等"),
    ],
)
def test_grades(text, figure, unit):
    found = only(text)
    assert (found.text, found.unit, found.measure, found.label) == (figure, unit, "grade", None)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("新创建国家4A级旅游景区2家", [("4A级", LABEL_GRADE_CLASS), ("2家", None)]),
        ("創建國家4A級旅遊景區1個", [("4A級", LABEL_GRADE_CLASS), ("1個", None)]),
        ("创建国家4A级旅游景区，新增游客5%", [("4A级", None), ("5%", None)]),  # another clause
        ("新增学位200个，推进区人民医院创建三级甲等医院", [("200个", None), ("三级甲等", None)]),
        ("新建15分钟医保服务圈站点40个", [("15分钟", LABEL_TIME_NAME), ("40个", None)]),
        ("建成24小时自助图书馆3个", [("24小时", LABEL_TIME_NAME), ("3个", None)]),
        ("实现县城到各乡镇30分钟通达", [("30分钟", None)]),  # nothing else counted
        ("平均通勤时间控制在30分钟以内，新增公交线路5条", [("30分钟", None), ("5条", None)]),
    ],
)
def test_a_grade_whose_clause_counts_the_graded_things_names_them(text, figures):
    assert [(f.text, f.label) for f in figures_in_text(text)] == figures


# ---- comparators ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "op", "cues"),
    [
        ("确保新增学位 6900个以上", ">=", ("确保", "以上")),
        ("城镇登记失业率控制在 3.0%以内", "<=", ("控制在", "以内")),
        ("地区生产总值增长6.5%左右", "~", ("左右",)),
        ("空气质量优良天数比例不低于 92%", ">=", ("不低于",)),
        ("新增学位超过 5000个", ">=", ("超过",)),
        ("新增学位超 1.8万个", ">=", ("超",)),
        ("力争完成工业投资 26亿元", "=", ("力争",)),
        ("投入约41.83亿元推进民生事业发展", "~", ("约",)),
        ("新增停车泊位2600余个", ">=", ("余",)),
        ("企业开办时间压缩至 1个工作日以内", "<=", ("压缩至", "以内")),
        ("专利授权量增长 10%", "=", ()),
    ],
)
def test_comparator_read_from_the_wording(text, op, cues):
    figure = only(text)
    assert (figure.op, figure.cues) == (op, cues)


def test_comparator_belongs_to_its_own_figure():
    first, second = figures_in_text("力争完成隐患点治理 9处、风险点整治 525户以上")
    assert (first.op, second.op) == ("=", ">=")
    assert first.cues == ("力争",)


def test_range_is_one_figure():
    figure = only("地区生产总值增长5%—5.5%；")
    assert (figure.text, figure.value, figure.high, figure.unit) == ("5%—5.5%", 5, 5.5, "%")
    figure = only("提高 3至5个百分点")
    assert (figure.text, figure.value, figure.high, figure.unit) == (
        "3至5个百分点",
        3,
        5,
        "个百分点",
    )


def test_number_sharing_the_next_unit():
    first, second = figures_in_text("比重分别提高 2和 3个百分点")
    assert (first.text, first.value, first.unit) == ("2", 2, "个百分点")
    assert (second.text, second.unit) == ("3个百分点", "个百分点")


# ---- numbers that are no figure ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2022年是党的二十大召开之年",
        "——2022年 3月 15日在清远市清城区",
        "位列 2021全省区县工业百强排行榜",
        "方案（清发〔2021〕1号）涵盖 2021—2025年",
        "深入实施“美丽乡村 2025”行动计划",
        "开启新征程，奋进“十四五”，继续做好“六稳”“六保”工作",
        "全面贯彻党的十九大和十九届历次全会精神",
        "认真贯彻落实省委十二届十五次全会和市第八次党代会工作部署",
        "落实区委八届三次全会工作要求",
        "（一）坚持稳中求进，全力保障经济平稳增长",
        "（1）加快项目建设；1.“双区”驱动；一是抓好项目",
        "推进农村电网改造升级，提升偏远乡村光纤、5G网络覆盖质量",
        "PM2.5浓度持续下降，推进国道G207线改造",
        "推动广州营商环境 5.0向清城覆盖",
        "全面落实“促进就业九条”3.0版本",
        "2021年是中国共产党成立 100周年",
        "加快地铁 3号线建设，12345热线高效运转",
        "深入学习贯彻《关于2021年重点工作的意见》",
        "推进中国南部物流枢纽二期建设",
        "五大百亿农业产业",
    ],
)
def test_no_figure(text):
    assert written(text) == []


def test_footnote_markers_are_no_figure():
    assert written("两个合作区〔2〕建设，“先导计划”［12］，“两地一区”①") == ["两个"]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("其中50亿元以上重大项目2个", [("50亿元", "a threshold"), ("2个", None)]),
        ("新引进10亿元以上重大产业项目8个", [("10亿元", "a threshold"), ("8个", None)]),
        ("完成年度投资85亿元以上，新建项目30个", [("85亿元", None), ("30个", None)]),
        ("安排资金2亿元支持企业技术改造", [("2亿元", None)]),  # no comparator: an amount
        ("引进超10亿元的项目3个", [("10亿元", "a threshold"), ("3个", None)]),
        ("新引进总投资超10亿元的重大项目6个", [("10亿元", "a threshold"), ("6个", None)]),
        ("引进投资不低于5亿元的产业项目3个", [("5亿元", "a threshold"), ("3个", None)]),
        ("完成投资超过50亿元，新开工项目30个", [("50亿元", None), ("30个", None)]),
    ],
)
def test_a_money_threshold_may_qualify_projects_through_a_few_words(text, figures):
    found = [(f.text, f.label and f.label.split(":")[0]) for f in figures_in_text(text)]
    assert found == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("01 扩投资", []),
        ("02 强产业", []),
        ("新增0.5个百分点", ["0.5个百分点"]),
    ],
)
def test_a_number_with_a_leading_zero_is_an_item_number_or_a_code(text, figures):
    assert [f.text for f in figures_in_text(text)] == figures


def test_chinese_numerals_before_nian_at_a_clause_end_are_a_period():
    [period] = figures_in_text("今后五年，是开启现代化建设新征程的关键五年。")
    assert (period.text, period.label) == ("五年", LABEL_PERIOD)


def test_voltage_age_and_threshold_read_as_labels():
    voltage, age, threshold, count = figures_in_text(
        "加快完成 500千伏清城输变电，为 80岁以上老人发放津贴，其中超 10亿元项目不少于 5个"
    )
    assert voltage.label.startswith("a voltage")
    assert age.label.startswith("an age")
    assert threshold.label.startswith("a threshold")
    assert (count.text, count.label, count.op) == ("5个", None, ">=")


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("持续巩固3个国考断面水质", [("3个", LABEL_MONITORED)]),
        ("确保2个国控断面水质稳定达标", [("2个", LABEL_MONITORED)]),
        ("新建3个空气监测站点", [("3个", None)]),
    ],
)
def test_a_count_of_monitored_sites_names_them(text, figures):
    assert [(f.text, f.label) for f in figures_in_text(text)] == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("卫生院达到6家，比去年增加2家。", [("6家", None), ("2家", LABEL_DIFFERENCE)]),
        ("新建学校7所,较上年多3所。", [("7所", None), ("3所", LABEL_DIFFERENCE)]),
        # another unit, another sentence, or a clause between: the change is a figure of its own
        ("新建学校7所，比去年增加2公里。", [("7所", None), ("2公里", None)]),
        ("新建学校7所。比去年增加2所。", [("7所", None), ("2所", None)]),
        (
            "新建学校7所，改造道路3公里，比去年增加2所。",
            [("7所", None), ("3公里", None), ("2所", None)],
        ),
        ("增长6%，比上年提高0.5个百分点。", [("6%", None), ("0.5个百分点", None)]),
    ],
)
def test_a_difference_from_last_year_after_its_figure_restates_it(text, figures):
    assert [(f.text, f.label) for f in figures_in_text(text)] == figures


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        ("◆ 一般公共预算收入：增长6%", ["◆ 一般公共预算收入：增长6%"]),
        ("· PM2.5年均浓度：不超过30微克/立方米", ["· PM2.5年均浓度：不超过30微克/立方米"]),
        ("固定资产投资：增长5%，消费增长6%", ["固定资产投资：增长5%", "消费增长6%"]),
        # a sentence (。) after a colon: the colon introduces it
        ("主要预期目标：增长6%左右。", ["增长6%左右"]),
    ],
)
def test_an_items_indicator_before_a_colon_is_in_its_figures_clause(text, clauses):
    assert [f.clause for f in figures_in_text(text)] == clauses


# ---- a whole document ----------------------------------------------------------------------


def test_figures_of_a_document_carry_paragraph_and_part():
    document = read_report(SEEDS / "2024-02-03-qingcheng-government-work-report-excerpt.txt")
    figures = find_figures(document.document)
    assert [(f.paragraph, f.part, f.text) for f in figures] == [
        (13, "review", "4.74万亩"),
        (14, "review", "41.83亿元"),
        (14, "review", "十件"),
        (22, "plan", "55个"),
        (34, "plan", "7项"),
        (37, "plan", "十六条"),
        (39, "plan", "十件"),
    ]


def test_every_figure_of_the_2022_plan():
    # Counted by hand from the seed: 54 figures in the plan, in order. A change here is a
    # change in what the finder reports; check it against the report before updating.
    document = read_report(SEEDS / "2022-03-15-qingcheng-government-work-report.txt").document
    plan = [
        (f.paragraph, f.text.replace(" ", "")) for f in find_figures(document) if f.part == "plan"
    ]
    assert plan == [
        (22, "两个"),
        (23, "6.5%"),
        (23, "10.0%"),
        (23, "6.0%"),
        (23, "8.0%"),
        (23, "3.0%"),
        (23, "3.0%"),
        (23, "3.0%"),
        (23, "3.0%"),
        (24, "七方面"),
        (26, "26亿元"),
        (28, "48项"),
        (28, "52.26亿元"),
        (29, "十项"),
        (29, "三年"),
        (29, "9处"),
        (29, "525户"),
        (31, "两个"),
        (31, "25个"),
        (35, "3家"),
        (36, "30个"),
        (36, "8亿元"),
        (36, "6家"),
        (36, "1家"),
        (36, "10%"),
        (37, "两篇"),
        (39, "837个"),
        (39, "三个"),
        (39, "500千伏"),
        (40, "前二十名"),
        (40, "90%"),
        (40, "120公里"),
        (41, "1家"),
        (42, "7项"),
        (42, "35.75亿元"),
        (42, "34项"),
        (44, "3个"),
        (44, "4个"),
        (45, "98个"),
        (45, "3公里"),
        (46, "4A级"),
        (46, "6条"),
        (46, "2条"),
        (48, "三项"),
        (48, "8000人次"),
        (48, "三星级"),
        (49, "十件"),
        (49, "7个"),
        (49, "3所"),
        (49, "6900个"),
        (49, "4个"),
        (49, "三甲"),
        (49, "三级"),
        (53, "八项"),
    ]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("玉岭融媒　2025年01月10日 20:16", []),
        ("发布 2023-01-13 19:30", []),
        ("上午9:30开幕", []),
        ("比例调整为3:2", ["3:2"]),
    ],
)
def test_a_time_after_a_date_is_no_figure_and_a_ratio_still_is(text, figures):
    assert written(text) == figures
