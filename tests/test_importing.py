"""loaders.importing: each reader on small SYNTHETIC documents made here with the libraries (a
Word file, web pages, PDFs: a scan and an encrypted one), paragraphs rejoined from line boxes,
running headers and page numbers dropped, and the exact one-line refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pypdf
import pytest
from docx.shared import Pt
from PIL import Image

from loaders.importing.errors import ImportRefused
from loaders.importing.extract import extract, file_type
from loaders.importing.metadata import (
    document_kind,
    guess_date,
    guess_title,
    report_id,
    seed_name,
    titled,
)
from loaders.importing.pages import Line, drop_running_lines, is_page_number, paragraphs_of
from loaders.importing.web import html_paragraphs

# SYNTHETIC: a fictional county's report, our own sentences
PARAGRAPHS = [
    "SYNTHETIC 合成测试文本：虚构的龙泉县，不是真实的政府工作报告",
    "龙泉县人民政府工作报告",
    "——2025年1月8日在龙泉县第九届人民代表大会第五次会议上",
    "各位代表：",
    "一、2024年工作回顾",
    "全县地区生产总值增长5.8%，新增城镇就业4200人。",
    "二、2025年工作安排",
    "地区生产总值增长6%左右；新建农村公路60公里以上；新增学位1500个。",
    "（三）改造无障碍设施，承办全市运动会",  # chrome words in a heading of the report
]


# ---- line boxes -------------------------------------------------------------------------------

SIZE = 16.0  # a character is 16 points wide and high
LEFT, RIGHT = 90.0, 90.0 + 25 * SIZE  # 25 characters a full line


def box_line(text: str, top: float, indent: int = 0, full: bool = True) -> Line:
    """Return a line of text whose box starts `indent` characters in, reaching the right margin
    when full."""
    left = LEFT + indent * SIZE
    right = RIGHT if full else left + len(text) * SIZE
    return Line(text, left, right, top - SIZE, top)


def centred(text: str, top: float) -> Line:
    width = len(text) * SIZE
    left = (LEFT + RIGHT - width) / 2
    return Line(text, left, left + width, top - SIZE, top)


def page(
    number: int, *body: Line, header: str = "龙泉县人民政府工作报告（SYNTHETIC）"
) -> list[Line]:
    return [centred(header, 800), *body, centred(f"— {number} —", 40)]


def test_paragraphs_are_rejoined_from_where_their_lines_stand():
    pages = [
        page(
            1,
            centred("龙泉县人民政府工作报告", 760),
            box_line("全县地区生产总值增长5.8%，一般公共预算收", 720, indent=2),
            box_line("入增长4.1%，新增城镇就业4200人，新建农村公", 700),
            box_line("路58公里。", 680, full=False),
            box_line("新增学位1200个，新增养老床位300张，完成", 660, indent=2),
        ),
        page(
            2,
            box_line("老旧小区改造1860户。", 760, full=False),
            box_line("二、2025年工作安排", 740, indent=2, full=False),
            box_line("SYNTHETIC text of a fictional county, its", 720, indent=2),
            box_line("sentences our own.", 700, full=False),
        ),
    ]
    assert paragraphs_of(pages) == [
        "龙泉县人民政府工作报告",
        "全县地区生产总值增长5.8%，一般公共预算收入增长4.1%，新增城镇就业4200人，新建农村公路58公里。",
        "新增学位1200个，新增养老床位300张，完成老旧小区改造1860户。",
        "二、2025年工作安排",
        "SYNTHETIC text of a fictional county, its sentences our own.",
    ]


def test_in_ragged_right_text_a_line_a_few_characters_short_goes_on_unless_a_sentence_ends():
    def ragged(text: str, top: float, short: int, indent: int = 0) -> Line:
        return Line(text, LEFT + indent * SIZE, RIGHT - short * SIZE, top - SIZE, top)

    lines = [
        box_line("全县地区生产总值增长5.8%，一般公共预算收", 740, indent=2),
        box_line("入增长4.1%，规上工业增加值增长8.3%，固", 720),
        ragged("定资产投资增长6.9%，城镇新增就业", 700, short=3),  # 1.38万人 did not fit
        ragged("1.38万人，新建农村公路58公里，新增学位。", 680, short=3),
        box_line("新增养老床位300张。", 660, full=False),
    ]
    assert paragraphs_of([lines]) == [
        "全县地区生产总值增长5.8%，一般公共预算收入增长4.1%，规上工业增加值增长8.3%，固定资产投资增长6.9%，"
        "城镇新增就业1.38万人，新建农村公路58公里，新增学位。",
        "新增养老床位300张。",
    ]


def test_a_title_centred_over_two_lines_is_one_paragraph():
    wide = "关于龙泉县2024年国民经济和社会发展计划执行"  # 23 characters of 25
    lines = [
        centred(wide, 760),
        centred("情况的报告", 740),
        box_line("各位代表：现在我代表县人民政府，向大会报告", 700, indent=2),
        box_line("计划执行情况，请予审议。", 680, full=False),
    ]
    assert paragraphs_of([lines]) == [
        wide + "情况的报告",
        "各位代表：现在我代表县人民政府，向大会报告计划执行情况，请予审议。",
    ]


@pytest.mark.parametrize(
    "footer", ["— 3 —", "- 3 -", "第3页", "第 3 页 共 12 页", "3/12", "·3·", "3"]
)
def test_page_numbers_are_page_numbers(footer):
    assert is_page_number(footer)


@pytest.mark.parametrize("text", ["3个", "2025年", "第三章", "— 完 —", "增长3/4"])
def test_other_short_lines_are_not_page_numbers(text):
    assert not is_page_number(text)


def test_a_header_repeated_with_its_number_is_dropped_but_a_line_said_once_is_kept():
    pages = [
        [centred(f"龙泉县人民政府工作报告·{n}", 800), box_line(text, 700)]
        for n, text in enumerate(("正文甲", "正文乙", "正文丙"), start=1)
    ]
    pages[0].insert(0, centred("仅此一行", 820))
    kept = [[line.text for line in p] for p in drop_running_lines(pages)]
    assert kept == [["仅此一行", "正文甲"], ["正文乙"], ["正文丙"]]


# ---- Word ---------------------------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "龙泉县人民政府文件（SYNTHETIC）"
    section.footer.paragraphs[0].text = "— 1 —"
    document.add_heading(PARAGRAPHS[0], level=1)
    for text in PARAGRAPHS[1:]:
        paragraph = document.add_paragraph(text)
        paragraph.paragraph_format.first_line_indent = Pt(32)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "新增学位"
    table.rows[0].cells[1].text = "1500个"
    document.save(str(path))
    return path


def test_a_word_file_gives_its_body_without_header_or_footer(tmp_path):
    extracted = extract(make_docx(tmp_path / "report.docx"))
    assert extracted.type == "docx"
    assert extracted.text == "\n\n".join([*PARAGRAPHS, "新增学位\u30001500个"]) + "\n"


# ---- web pages ----------------------------------------------------------------------------------

CHROME_PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}">
<title>龙泉县人民政府工作报告_龙泉县人民政府门户网站</title>
<style>.nav li {{ display: inline }}</style>
<script>var _hmt = _hmt || []; document.write("统计代码");</script></head><body>
<div class="top"><a href="#">无障碍</a> <a href="#">长者模式</a> | 今天是2025年1月9日</div>
<ul class="nav"><li><a href="#">首页</a></li><li><a href="#">政务公开</a></li><li><a>互动交流</a></li></ul>
<div class="crumb">当前位置：<a href="#">首页</a> &gt; <a href="#">政务公开</a> &gt; 政府工作报告</div>
<h1>龙泉县人民政府工作报告</h1>
<div class="info">发布时间：2025-01-09 10:00 &nbsp; 来源：县政府办公室 &nbsp; 字体：[<a>大</a> <a>中</a> <a>小</a>]</div>
<div class="bdshare">分享到：<a>微信</a><a>微博</a></div>
<div id="zoom">{body}</div>
<p><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></p>
<table><tr><td>主办：龙泉县人民政府办公室 &nbsp; 电话：0571-1234567</td></tr>
<tr><td>浙ICP备12345678号-1 &nbsp; 网站标识码：3301000001</td></tr></table>
<script>document.getElementById("zoom").title = "x";</script>
</body></html>"""


def web_page(charset: str = "utf-8", br: bool = False) -> str:
    paragraphs = [p for p in PARAGRAPHS if p != "龙泉县人民政府工作报告"]
    if br:
        body = "<br>\n".join("&nbsp;&nbsp;&nbsp;&nbsp;" + p for p in paragraphs)
    else:
        body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return CHROME_PAGE.format(charset=charset, body=body)


@pytest.mark.parametrize("br", [False, True], ids=["p", "br"])
def test_a_web_page_gives_its_article_without_the_chrome(tmp_path, br):
    path = tmp_path / "report.html"
    path.write_text(web_page(br=br), encoding="utf-8")
    paragraphs, title = html_paragraphs(path)
    assert title == "龙泉县人民政府工作报告"
    assert paragraphs == [title, *[p for p in PARAGRAPHS if p != title]]


def test_a_gbk_web_page_is_read_by_its_meta_charset(tmp_path):
    path = tmp_path / "report.htm"
    path.write_bytes(web_page(charset="gbk").encode("gbk"))
    extracted = extract(path)
    assert extracted.type == "html"
    assert "地区生产总值增长6%左右" in extracted.text
    assert "ICP" not in extracted.text and "打印本页" not in extracted.text


def test_the_title_comes_from_the_title_tag_without_the_site_name(tmp_path):
    path = tmp_path / "report.html"
    path.write_text(
        "<html><head><title>2025年龙泉县统计公报 - 龙泉县人民政府网</title></head>"
        "<body><p>2024年全县地区生产总值增长5.8%。</p></body></html>",
        encoding="utf-8",
    )
    assert html_paragraphs(path) == (
        ["2025年龙泉县统计公报", "2024年全县地区生产总值增长5.8%。"],
        "2025年龙泉县统计公报",
    )


# ---- text files ---------------------------------------------------------------------------------


def test_a_text_file_is_kept_as_it_is(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes("\ufeff龙泉县人民政府工作报告\r\n全县地区生产总值增长5.8%，\r\n".encode())
    extracted = extract(path)
    assert extracted == type(extracted)(
        "txt", "龙泉县人民政府工作报告\n全县地区生产总值增长5.8%，\n"
    )
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # the original is never changed


# ---- refusals: one line each ------------------------------------------------------------------


def scanned_pdf(path: Path) -> Path:
    """Return an image-only PDF: a page of a "scan", no text layer."""
    image = Image.new("RGB", (300, 400), "white")
    image.paste((0, 0, 0), (30, 30, 270, 60))
    image.save(path)
    return path


def refusal(path: Path) -> str:
    with pytest.raises(ImportRefused) as refused:
        extract(path)
    message = str(refused.value)
    assert "\n" not in message
    return message


def test_a_scanned_pdf_is_refused(tmp_path):
    assert refusal(scanned_pdf(tmp_path / "scan.pdf")) == (
        "scan.pdf: the PDF has no text layer (a scan of 1 page(s)): find a text version (the "
        "web page, a Word file) or run it through OCR, then import that"
    )


def test_an_encrypted_pdf_is_refused(tmp_path):
    writer = pypdf.PdfWriter(clone_from=scanned_pdf(tmp_path / "scan.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner")
    locked = tmp_path / "locked.pdf"
    writer.write(locked)
    before = locked.read_bytes()
    assert refusal(locked) == (
        "locked.pdf: the PDF is encrypted (needs a password): open it with its password and "
        "save an unprotected copy (print it to PDF), then import that"
    )
    assert locked.read_bytes() == before


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "report.doc",
            "report.doc: unsupported type .doc: open it in Word or LibreOffice and save it as .docx",
        ),
        (
            "report.xlsx",
            "report.xlsx: unsupported type .xlsx: import a PDF, a saved web page (.html), a Word "
            "file (.docx) or a UTF-8 text file (.txt)",
        ),
        (
            "report",
            "report: unsupported type (the name has no extension): import a PDF, a saved web page "
            "(.html), a Word file (.docx) or a UTF-8 text file (.txt)",
        ),
        (
            "report.pdf",
            "report.pdf: not a PDF (it does not start with %PDF-): is it the right file?",
        ),
        (
            "report.docx",
            "report.docx: not a Word .docx file (an old .doc renamed?): open it in Word or "
            "LibreOffice and save it as .docx",
        ),
    ],
)
def test_an_unsupported_or_mistaken_type_is_refused(tmp_path, name, message):
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0 not what the name says")
    assert refusal(path) == message


def test_a_gbk_text_file_is_refused(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes("龙泉县人民政府工作报告\n".encode("gbk"))
    assert refusal(path) == "report.txt: not UTF-8 (it looks like GBK/GB18030): save it as UTF-8"


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(ImportRefused, match="file not found"):
        file_type(tmp_path / "nothing.pdf")


# ---- what the document is ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("龙泉县人民政府工作报告", "work-report"),
        ("2024年龙泉县国民经济和社会发展统计公报", "bulletin"),
        ("关于龙泉县2024年国民经济和社会发展计划执行情况与2025年计划草案的报告", "plan-execution"),
        ("龙泉县2024年财政预算执行情况的报告", "report"),
    ],
)
def test_the_kind_is_read_from_the_title(title, kind):
    assert document_kind(title) == kind


def test_title_date_id_and_file_name():
    assert guess_title(PARAGRAPHS) == "龙泉县人民政府工作报告"
    assert guess_date(PARAGRAPHS) == dt.date(2025, 1, 8)
    assert guess_date(["发布时间：2024-01-19 09:30", "全县新增学位1500个"]) == dt.date(2024, 1, 19)
    assert guess_date(["全县新增学位1500个"]) is None
    assert titled("政府工作报告", "龙泉县", 2025) == "龙泉县政府工作报告（2025年）"
    assert titled("龙泉县人民政府工作报告", "龙泉县", 2025) == "龙泉县人民政府工作报告"
    assert report_id("Longquan County", 2025, "work-report") == "longquan-county-2025"
    assert report_id(None, 2024, "bulletin") == "report-bulletin-2024"
    assert (
        seed_name(dt.date(2025, 1, 8), "Longquan County", "x", "work-report")
        == "2025-01-08-longquan-county-work-report.txt"
    )
    assert (
        seed_name(dt.date(2025, 1, 8), None, "lq-2025", "report") == "2025-01-08-lq-2025-report.txt"
    )
