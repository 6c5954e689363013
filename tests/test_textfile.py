"""Reading a text file safely: one reader, the same messages for targets.yaml and reports."""

from pathlib import Path

import pytest

from loaders.record.yaml_source import read_text_file
from loaders.textfile import decode
from loaders.texts.report import read_report


def test_bom_and_crlf_and_cr_line_endings_are_accepted():
    text, problems = decode("\ufeffa: 1\r\nb: 2\rc: 3\n".encode(), "t.yaml")
    assert problems == []
    assert text == "a: 1\nb: 2\nc: 3\n"


def test_gbk_file_says_save_as_utf8():
    text, problems = decode("标题: 学位\n".encode("gbk"), "t.yaml")
    assert text is None
    assert [str(p) for p in problems] == [
        "t.yaml:1: not UTF-8 (it looks like GBK/GB18030): save it as UTF-8"
    ]


def test_binary_garbage():
    text, problems = decode(b"\x89PNG\r\n\x1a\n\x00\x00", "t.yaml")
    assert text is None
    assert [str(p) for p in problems] == [
        "t.yaml: not a text file (it contains NUL bytes): is it the right file?"
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"\x89PNG\r\n\x1a\n\x00\x00",
            "not a text file (it contains NUL bytes): is it the right file?",
        ),
        ("学位".encode("utf-16"), "UTF-16 text (as Windows Notepad may save it): save it as UTF-8"),
        (
            b"a\n\xff\xfe\xfd\n",
            "not UTF-8 text and no known Chinese encoding either: is it the right file?",
        ),
        ("新增学位\n".encode("gbk"), "not UTF-8 (it looks like GBK/GB18030): save it as UTF-8"),
    ],
    ids=["nul", "utf16", "not-utf8", "gbk"],
)
def test_targets_file_and_report_refuse_the_same_bytes_with_the_same_message(
    tmp_path, content, message
):
    path = tmp_path / "f.txt"
    path.write_bytes(content)
    _, targets_problems = read_text_file(path, "f.txt")
    report_problems = read_report(path, "f.txt").problems
    assert (
        [p.message for p in targets_problems] == [p.message for p in report_problems] == [message]
    )


def test_each_kind_of_file_is_named_in_its_messages(tmp_path):
    missing = tmp_path / "nope.txt"
    assert [str(p) for p in read_text_file(missing)[1]] == [
        f"nope.txt: file not found: {missing} (set TARGETS_FILE or --targets to another file)"
    ]
    assert [str(p) for p in read_report(missing, "nope.txt").problems] == [
        "nope.txt: report file not found"
    ]


def test_a_report_with_cr_line_endings_reads_as_with_lf(tmp_path):
    lines = "2021年工作回顾\n\t学位 6900个。\n2022年工作安排\n\t新增学位 7000个以上。\n"
    lf, cr = Path(tmp_path / "lf.txt"), Path(tmp_path / "cr.txt")
    lf.write_text(lines, encoding="utf-8")
    cr.write_bytes(lines.replace("\n", "\r").encode())
    assert read_report(cr, "r.txt").document == read_report(lf, "r.txt").document
