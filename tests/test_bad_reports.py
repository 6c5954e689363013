"""Bad report files: a clear message or a document, never a crash, and never a hang.

Report texts come out of PDFs in any state. Each case below is a report file named for what is
wrong with it; the timing bounds are ten times what the code takes on a slow machine, and far
below what the quadratic versions took (a minute and more).
"""

import os
import time
from pathlib import Path

import pytest

from loaders.load.targets import load_targets
from loaders.texts.quotes import MAX_NEEDLE, closest_passage, find_quote
from loaders.texts.report import MAX_REPORT_BYTES, parse_report, read_report

ROOT = Path(__file__).resolve().parent.parent
REPORT_2022 = ROOT / "seeds" / "2022-03-15-qingcheng-government-work-report.txt"
VALID = ROOT / "tests" / "bad_inputs" / "valid.yaml"
NO_TEXT = "the report has no text: is it the right file?"
SCHOOL_QUOTE = "确保新增中小学（幼儿园）学位 6900个以上"


def real_text() -> str:
    """Return the 2022 report's text."""
    return REPORT_2022.read_text(encoding="utf-8")


# name, the file's bytes, the expected problems of read_report
UNREADABLE = [
    ("empty", lambda: b"", [f"r.txt: {NO_TEXT}"]),
    ("only-whitespace", lambda: b" \n\t\n\r\n\xe3\x80\x80\n", [f"r.txt: {NO_TEXT}"]),
    ("only-footnote-markers", lambda: "〔1〕\n［2］\n[3]〔4〕\n".encode(), [f"r.txt: {NO_TEXT}"]),
    ("only-page-numbers", lambda: "— 1 —\n- 2 -\n3\n".encode(), [f"r.txt: {NO_TEXT}"]),
    (
        "gbk-encoded",
        lambda: real_text().encode("gb18030"),
        ["r.txt:1: not UTF-8 (it looks like GBK/GB18030): save it as UTF-8"],
    ),
    (
        "utf8-broken-on-line-3",
        lambda: "第一行\n第二行\n".encode() + b"\xff\xfe\xfd garbage\n",
        ["r.txt:3: not UTF-8 text and no known Chinese encoding either: is it the right file?"],
    ),
    (
        "utf16-encoded",
        lambda: real_text()[:2000].encode("utf-16"),
        ["r.txt: UTF-16 text (as Windows Notepad may save it): save it as UTF-8"],
    ),
    (
        "binary-pdf",
        lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 0 >>\nstream\n\x00\x01\x02",
        ["r.txt: not a text file (it contains NUL bytes): is it the right file?"],
    ),
]


@pytest.mark.parametrize(
    ("content", "problems"),
    [case[1:] for case in UNREADABLE],
    ids=[case[0] for case in UNREADABLE],
)
def test_an_unreadable_report_is_a_problem_with_a_hint(tmp_path, content, problems):
    path = tmp_path / "r.txt"
    path.write_bytes(content())
    result = read_report(path, "r.txt")
    assert result.document is None
    assert [str(problem) for problem in result.problems] == problems


def test_a_report_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "r.txt"
    with path.open("wb") as file:  # sparse: takes no disk space
        file.truncate(MAX_REPORT_BYTES + 1024 * 1024)
    result = read_report(path, "r.txt")
    assert [str(problem) for problem in result.problems] == [
        "r.txt: report is 21.0 MB, over the 20 MB limit: is it the right file? "
        "(a work report's text is well under 1 MB)"
    ]


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        pytest.param(lambda path: path.mkdir(), "is a directory, not a file", id="folder"),
        pytest.param(
            os.mkfifo,  # opening it would wait for a writer forever
            "not a regular file (a device or a pipe): give the path of a text file",
            id="pipe",
        ),
        pytest.param(
            lambda path: path.symlink_to("/dev/zero"),  # reading it would never end
            "not a regular file (a device or a pipe): give the path of a text file",
            id="endless-device",
        ),
    ],
)
def test_a_report_that_is_not_a_regular_file_is_refused_without_reading_it(tmp_path, make, problem):
    path = tmp_path / "r.txt"
    make(path)
    result = read_report(path, "r.txt")
    assert result.document is None
    assert [str(p) for p in result.problems] == [f"r.txt: {problem}"]


@pytest.mark.parametrize(
    "form",
    [
        pytest.param(lambda text: text.replace("\n", ""), id="no-line-breaks-at-all"),
        pytest.param(lambda text: text.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda text: "\ufeff" + text, id="utf8-bom"),
        pytest.param(lambda text: text.replace("\n", "\n\n\n"), id="extra-blank-lines"),
    ],
)
def test_quotes_still_verify_in_a_report_whose_layout_is_lost(tmp_path, form):
    result = load_targets(VALID, seeds_with_2022_report(tmp_path, form(real_text())))
    assert result.problems == []
    assert len(result.targets.commitments) == 3


def seeds_with_2022_report(directory: Path, text: str) -> Path:
    """Return a seeds folder in directory whose 2022 report has the given text."""
    seeds = directory / "seeds"
    seeds.mkdir()
    (seeds / REPORT_2022.name).write_text(text, encoding="utf-8")
    return seeds


def test_a_quote_across_a_paragraph_break_is_told_so(tmp_path):
    # every line tab-indented reads as one paragraph a line (the 2024 excerpt's layout), so
    # quotes broken over two lines of the PDF run across paragraphs
    seeds = seeds_with_2022_report(tmp_path, real_text().replace("\n", "\n\t"))
    result = load_targets(VALID, seeds)
    message = "runs across a paragraph break of {} (paragraphs {} to {}): quote only the part within one paragraph"
    assert [(p.line, p.field, p.message) for p in result.problems] == [
        (31, "quote", message.format(REPORT_2022.name, 145, 146)),
        (45, "quote", message.format(REPORT_2022.name, 326, 327)),
        (49, "baseline.quote", message.format(REPORT_2022.name, 85, 86)),
        (58, "quote", message.format(REPORT_2022.name, 328, 329)),
    ]
    assert result.targets.commitments == ()


def timed(function, *args):
    """Return the result of function(*args) and the CPU seconds it took (robust to a busy machine)."""
    start = time.process_time()
    result = function(*args)
    return result, time.process_time() - start


def test_one_gigantic_line_of_5_mb_parses_and_is_searched_quickly():
    text = ("地区生产总值增长" * 220_000)[: 5 * 1024 * 1024 // 3]  # 5 MB, no line break
    document, seconds = timed(parse_report, text, "huge.txt")
    assert len(document.paragraphs) == 1
    assert seconds < 5
    found, seconds = timed(find_quote, document, SCHOOL_QUOTE)
    assert found is None
    assert seconds < 10  # builds the normalised index once
    passage, seconds = timed(closest_passage, document, SCHOOL_QUOTE)
    assert passage.startswith("地区生产总值增长")
    assert seconds < 5
    _, seconds = timed(closest_passage, document, "地区生产总值增长" * 100)
    assert seconds < 5


def test_hundreds_of_thousands_of_short_paragraphs_are_searched_quickly():
    document, seconds = timed(parse_report, "\t学位增长。\n" * 300_000, "short.txt")
    assert len(document.paragraphs) == 300_000
    assert seconds < 20
    passage, seconds = timed(closest_passage, document, SCHOOL_QUOTE)
    assert passage == "学位增长。"
    assert seconds < 10


def test_a_quote_of_100_000_characters_is_compared_by_its_start():
    document = parse_report(real_text())
    quote = SCHOOL_QUOTE + "学" * 100_000
    assert find_quote(document, quote) is None
    passage, seconds = timed(closest_passage, document, quote)
    assert SCHOOL_QUOTE in passage
    assert len(passage) < MAX_NEEDLE * 2
    assert seconds < 5


def test_many_plan_paragraphs_without_a_chapter_title_take_linear_time():
    # each headed plan paragraph looked ahead for the first chapter title: quadratic (150 s)
    text = "2021年工作回顾\n2022年工作安排\n" + "持续激发消费活力。\n" * 20_000
    document, seconds = timed(parse_report, text, "plan.txt")
    assert len(document.paragraphs) == 20_002
    assert document.paragraphs[-1].part == "plan"
    assert seconds < 5


def test_many_lines_glued_by_footnote_markers_take_linear_time():
    # a line opening with a marker is glued to the line before: quadratic string growth
    document, seconds = timed(parse_report, "〔1〕学位\n" * 400_000, "markers.txt")
    assert [len(p.text) for p in document.paragraphs] == [800_000]
    assert seconds < 5


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "〔1〕",
        "— 22 —",
        "\t",
        "（一）",
        "各位代表：",
        "附件",
        "2022年工作安排",
        "1.",
        "。。。。",
        "\r\r\r",
        "（二）聚力\n持续激发消费活力。\n（二）聚力",
    ],
)
def test_degenerate_texts_give_a_document(text):
    document = parse_report(text)
    assert all(p.text for p in document.paragraphs)
    assert find_quote(document, "学位") is None
    assert isinstance(closest_passage(document, "学位"), str)
