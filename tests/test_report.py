"""Reading reports: golden tests on both seeds, and one small fixture per reflow rule."""

from pathlib import Path

import pytest

from loaders.texts.report import parse_report, read_report

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
REPORT_2022 = SEEDS / "2022-03-15-qingcheng-government-work-report.txt"
EXCERPT_2024 = SEEDS / "2024-02-03-qingcheng-government-work-report-excerpt.txt"


@pytest.fixture(scope="module")
def doc2022():
    return read_report(REPORT_2022).document


@pytest.fixture(scope="module")
def doc2024():
    return read_report(EXCERPT_2024).document


def test_2022_paragraph_counts_by_part(doc2022):
    # Counted by hand from the source: front = 4 title lines + 各位代表： + 现在…;
    # review = heading, 2021年是…, 一年来…, (一)…(八), 各位代表，过去一年…, 回顾一年工作…;
    # plan = heading, 2022年是…, 总体要求, 预期目标, 围绕…七方面工作：, seven chapter titles with
    # 4+3+3+4+3+4+3 headed paragraphs, closing 各位代表！; annex = 附件, 名词解释, 23 notes.
    parts = {part: len(doc2022.in_part(part)) for part in ("front", "review", "plan", "annex")}
    assert parts == {"front": 6, "review": 13, "plan": 37, "annex": 25}
    assert len(doc2022.paragraphs) == 81
    assert [p.number for p in doc2022.paragraphs] == list(range(1, 82))


def test_2022_school_places_paragraph_comes_back_whole(doc2022):
    [paragraph] = [p for p in doc2022.paragraphs if "学位 6900个以上" in p.text]
    assert paragraph.text == (
        "扩大公共服务供给。全力办好省、市、区十件民生实事。全面实施基础教育高质量发展行动，"
        "落实国家“双减”政策，加快推进区智慧初级中学等 7个新（扩）建中小学校项目建设，"
        "跟踪落实广清（清城）产业园配套学校建设，加快接收卧龙五洲世纪城等 3所配建学校，"
        "确保新增中小学（幼儿园）学位 6900个以上。深入推进健康清城建设，深化医药卫生体制改革，"
        "协助推进县域医共体网格化布局建设。加快区疾控中心等 4个新（扩）建医疗卫生项目建设，"
        "力促区人医创建为三甲综合医院。实施文化惠民工程，加快区、镇、村三级公共文化设施提档升级，"
        "完善全民健身公园等场馆配套设施，办好系列群众文体活动。"
    )
    assert paragraph.part == "plan"
    assert paragraph.chapter == "（六）"
    assert paragraph.chapter_title == "做好民生工作，扎实推进实现共同富裕"
    assert paragraph.heading == "扩大公共服务供给"


def test_2022_headline_paragraph_is_plan_without_chapter(doc2022):
    [headline] = [
        p for p in doc2022.paragraphs if p.text.startswith("今年全区经济社会发展主要预期目标是")
    ]
    assert headline.part == "plan"
    assert headline.chapter is None
    assert "地区生产总值增长6.5%左右，规上工业增加值增长10.0 %" in headline.text


def test_2022_numbers_broken_across_lines_are_joined(doc2022):
    review = " ".join(p.text for p in doc2022.in_part("review"))
    assert "新增学位超 1.8万个" in review
    assert "新增“四上”企业231家" in review


def test_2022_footnotes_and_page_numbers_are_dropped_but_document_numbers_kept(doc2022):
    text = "".join(p.text for p in doc2022.paragraphs)
    assert "〔1〕" not in text and "〔23〕" not in text
    assert "— 22 —" not in text
    assert "清发〔2021〕1号" in text
    assert "“双城”联动、两个合作区建设等重大机遇" in text


def test_2022_review_chapter_heading_is_inline(doc2022):
    first = next(p for p in doc2022.in_part("review") if p.chapter == "（一）")
    assert first.heading == "精准施策稳定经济增长"
    assert first.chapter_title == "精准施策稳定经济增长"


def test_2022_rural_roads_paragraph_is_not_split_at_a_footnote(doc2022):
    [paragraph] = [p for p in doc2022.paragraphs if "120公里以上" in p.text]
    assert paragraph.heading == "优化提升人居环境"
    assert paragraph.text.endswith(
        "完成“四好农村路”建设 120公里以上。推进农村电网改造升级，提升偏远乡村光纤、5G网络覆盖质量。"
    )


def test_2024_excerpt_one_paragraph_a_line(doc2024):
    assert len(doc2024.paragraphs) == 44
    parts = {part: len(doc2024.in_part(part)) for part in ("front", "review", "plan", "annex")}
    assert parts == {"front": 4, "review": 11, "plan": 29, "annex": 0}


def test_2024_plan_starts_before_its_first_chapter_title(doc2024):
    first_plan = doc2024.in_part("plan")[0]
    assert first_plan.text.startswith("增强县域发展活力。")
    assert first_plan.chapter == "（一）"
    assert first_plan.chapter_title is None


def test_2024_figures_land_in_the_right_part(doc2024):
    [upgrade] = [p for p in doc2024.paragraphs if "推动55个项目完成技改投" in p.text]
    assert (upgrade.part, upgrade.chapter) == ("plan", "（二）")
    [venues] = [p for p in doc2024.paragraphs if "“四馆一中心”全面竣工" in p.text]
    assert (venues.part, venues.chapter) == ("review", "（四）")
    assert venues.heading == "推动乡村振兴融合发展，城乡建设活力迸发"
    assert "［" not in "".join(p.text for p in doc2024.paragraphs)


# SYNTHETIC fixtures, one per reflow rule.


def test_number_broken_across_lines_and_blank_lines():
    doc = parse_report("确保新增学位 6900\n\n个以上。\n")
    assert [p.text for p in doc.paragraphs] == ["确保新增学位 6900个以上。"]


def test_footnote_marker_on_its_own_line_glues_the_line():
    doc = parse_report("深入实施“九大行动”\n〔12〕\n、建设“四小园”\n［3］\n。\n")
    assert [p.text for p in doc.paragraphs] == ["深入实施“九大行动”、建设“四小园”。"]


def test_inline_footnote_marker_is_dropped():
    doc = parse_report("推动广州营商环境 5.0〔10〕\n向清城覆盖。\n")
    assert [p.text for p in doc.paragraphs] == ["推动广州营商环境 5.0向清城覆盖。"]


def test_page_number_line_and_page_start_space():
    doc = parse_report("新增碧道 16.2\n— 22 —\n 公里。\n")
    assert [p.text for p in doc.paragraphs] == ["新增碧道 16.2公里。"]


def test_short_line_ending_a_sentence_ends_the_paragraph():
    full = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八"
    doc = parse_report(f"{full}\n{full}\n完成了。\n{full}\n结束。\n")
    assert [p.text for p in doc.paragraphs] == [f"{full}{full}完成了。", f"{full}结束。"]


def test_full_line_ending_a_sentence_continues_unless_a_heading_follows():
    full = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八。"
    doc = parse_report(f"{full}\n继续，{full}\n持续激发消费活力。积极应对。\n")
    assert [p.text for p in doc.paragraphs] == [
        f"{full}继续，{full}",
        "持续激发消费活力。积极应对。",
    ]


def test_title_only_chapter_stands_alone():
    doc = parse_report(
        "2022 年工作安排\n（一）坚持稳中求进，全力保障经济平稳增长\n大力推进招商引资。力争完成工业投资 26亿元。\n"
    )
    assert [(p.part, p.chapter, p.heading) for p in doc.paragraphs] == [
        ("plan", None, None),
        ("plan", "（一）", None),
        ("plan", "（一）", "大力推进招商引资"),
    ]


def test_tab_layout_crlf_and_bom():
    doc = parse_report(
        "\ufeff\t标题\r\n\t（一）回顾。内容\r\n\t（二）聚力发展\r\n\t抓好项目。内容\r\n"
    )
    assert [p.text for p in doc.paragraphs] == [
        "标题",
        "（一）回顾。内容",
        "（二）聚力发展",
        "抓好项目。内容",
    ]
    assert [p.part for p in doc.paragraphs] == ["front", "review", "plan", "plan"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "r.txt: the report has no text: is it the right file?"),
        (b"\n \n\t\n", "r.txt: the report has no text: is it the right file?"),
        (
            "新增学位六千九百个".encode("gbk") + b"\n",
            "r.txt:1: not UTF-8 (it looks like GBK/GB18030): save it as UTF-8",
        ),
        (
            b"\x89PNG\x00\x00",
            "r.txt: not a text file (it contains NUL bytes): is it the right file?",
        ),
    ],
)
def test_unreadable_reports_are_problems(tmp_path, content, message):
    path = tmp_path / "r.txt"
    path.write_bytes(content)
    result = read_report(path, "r.txt")
    assert result.document is None
    assert [str(p) for p in result.problems] == [message]


def test_missing_report_is_a_problem(tmp_path):
    result = read_report(tmp_path / "nope.txt", "nope.txt")
    assert [str(p) for p in result.problems] == ["nope.txt: report file not found"]


def test_one_gigantic_line_without_breaks_is_one_paragraph():
    doc = parse_report("增长。" * 200_000)
    assert len(doc.paragraphs) == 1
