"""Read a report's text file into paragraphs, undoing what PDF extraction did to it.

Two layouts are recognised:

- **wrapped** (the 2022 report): a hard line break every ~30 characters, even inside numbers
  (``学位 6900`` / ``个以上``), blank lines between lines, footnote markers 〔1〕 on lines of
  their own or inline, page-number lines ``— 22 —`` and a leading space where a PDF page
  starts. Lines are joined with nothing in between; a paragraph ends at a line ending in
  。！？： that is clearly shorter than a full line, or that is followed by a line opening a
  new paragraph (a chapter marker （一）, a heading sentence such as 持续激发消费活力。,
  各位代表, a part heading or an annex note ``1.``). Title lines (part headings, chapter titles
  without 。, the title block) stand alone.
- **one paragraph a line** (the 2024 excerpt): most lines start with a tab.

Parts: ``front`` (the title block and the opening address up to the first part), ``review``
(from a heading like ``2021 年工作回顾``), ``plan`` (from ``2022 年工作安排``) and ``annex``
(from ``附件``). A report without part headings starts in the review; its plan starts at the
first title-only chapter (``（二）聚力…`` with no 。), together with the heading-paragraphs
right before it, which belong to the chapter before (its title was lost).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from loaders.problems import Problem
from loaders.textfile import TextKind, read_text

MAX_REPORT_BYTES = 20 * 1024 * 1024

FOOTNOTE_MARKER = re.compile(r"[〔［\[]\s*\d{1,3}\s*[〕］\]]")
PAGE_NUMBER_LINE = re.compile(r"^[\s—–\-－]*\d{1,4}[\s—–\-－]*$")
CHAPTER_MARKER = re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[）)]")
HEADING_SENTENCE = re.compile(r"^([^，。、；：“”！？,;:]{2,16})。")
INLINE_CHAPTER_HEADING = re.compile(r"^([^。！？]{2,40})。")
PART_NUMBER = r"(?:[一二三四五六七八九十]{1,2}\s*[、.．]\s*)?"  # 一、2021年工作回顾
PART_YEAR = r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年"  # 2022年, 二〇二二年
REVIEW_HEADING = re.compile(rf"^{PART_NUMBER}(?:{PART_YEAR}\s*工作回顾|过去.{{0,6}}工作回顾)$")
PLAN_HEADING = re.compile(
    rf"^{PART_NUMBER}(?:{PART_YEAR}|今年)\s*的?\s*"
    r"(?:工作安排|工作建议|主要任务|重点工作|主要工作|工作任务|工作打算)$"
)
ANNEX_HEADING = re.compile(r"^附\s*件$")
ANNEX_NOTE = re.compile(r"^\d{1,2}\s*[.．](?!\d)")
ADDRESS = re.compile(r"^各位代表")
END_PUNCTUATION = "。！？：!?:"
SHORT_LINE_RATIO = 0.8

PARTS = ("front", "review", "plan", "annex")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a report: its number, part, chapter, heading and text."""

    number: int
    part: str
    chapter: str | None
    chapter_title: str | None
    heading: str | None
    text: str


@dataclass(frozen=True)
class Document:
    """A report as paragraphs with stable numbers (1-based)."""

    source: str
    paragraphs: tuple[Paragraph, ...]
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def paragraph(self, number: int) -> Paragraph:
        """Return the paragraph with this number."""
        return self.paragraphs[number - 1]

    def in_part(self, part: str) -> list[Paragraph]:
        """Return the paragraphs of one part (front, review, plan or annex)."""
        return [p for p in self.paragraphs if p.part == part]


@dataclass
class ReportResult:
    """A report read from a file, or None and the problems that stopped reading it."""

    document: Document | None
    problems: list[Problem]


def display_width(text: str) -> int:
    """Return the width of text on screen: 2 for CJK and full-width characters, 1 otherwise."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


#: a report as a text file: its size limit and the messages that name it
REPORT_TEXT = TextKind(
    noun="report",
    max_bytes=MAX_REPORT_BYTES,
    usual_size="a work report's text is well under 1 MB",
    not_found="report file not found",
)


def read_report(path: str | Path, name: str | None = None) -> ReportResult:
    """Return the document of a report file, or the problems that make it unreadable."""
    path = Path(path)
    name = name or f"{path.parent.name}/{path.name}" if path.parent.name else path.name
    text, problems = read_text(path, name, REPORT_TEXT)
    if text is None:
        return ReportResult(None, problems)
    document = parse_report(text, name)
    if not document.paragraphs:
        message = "the report has no text: is it the right file?"
        return ReportResult(None, [Problem(name, None, None, None, message, code="empty-file")])
    return ReportResult(document, [])


def clean_lines(text: str) -> list[str]:
    """Return the text's lines without blank lines, page numbers, markers and page-start space.

    A footnote marker is a superscript the PDF put on a line of its own (or at a line's edge),
    so the lines around it were one line on the page: they are glued back together, which keeps
    the line-width test of join_wrapped honest.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines: list[list[str]] = []  # each line as its glued pieces, joined once at the end
    glue_next = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or PAGE_NUMBER_LINE.match(line):
            continue
        starts_with_marker = FOOTNOTE_MARKER.match(line) is not None
        ends_with_marker = FOOTNOTE_MARKER.search(line[-6:]) is not None and bool(
            re.search(FOOTNOTE_MARKER.pattern + "$", line)
        )
        cleaned = FOOTNOTE_MARKER.sub("", line).strip()
        if lines and (glue_next or starts_with_marker):
            lines[-1].append(cleaned)
        elif cleaned:
            lines.append([cleaned])
        glue_next = ends_with_marker
    return [line for line in map("".join, lines) if line]


def is_tab_layout(text: str) -> bool:
    """Return True when most non-blank lines start with a tab: one paragraph a line."""
    lines = [line for line in text.splitlines() if line.strip()]
    tabbed = sum(1 for line in lines if line.startswith("\t") or line.startswith(" \t"))
    return bool(lines) and tabbed >= 0.6 * len(lines)


def is_title_line(line: str) -> bool:
    """Return True for lines that stand alone: part headings and chapter titles without 。."""
    if REVIEW_HEADING.match(line) or PLAN_HEADING.match(line) or ANNEX_HEADING.match(line):
        return True
    if re.fullmatch(r"名\s*词\s*解\s*释", line):
        return True
    return bool(CHAPTER_MARKER.match(line)) and not any(p in line for p in "。；;")


def opens_paragraph(line: str) -> bool:
    """Return True when a line can only be the start of a paragraph."""
    return bool(
        CHAPTER_MARKER.match(line)
        or HEADING_SENTENCE.match(line)
        or ADDRESS.match(line)
        or ANNEX_NOTE.match(line)
        or is_title_line(line)
    )


def join_wrapped(lines: list[str]) -> list[str]:
    """Return the paragraphs of a hard-wrapped text, its broken lines joined."""
    if not lines:
        return []
    line_widths = [display_width(line) for line in lines]
    widths = sorted(line_widths)
    full = widths[int(len(widths) * 0.75)] if len(widths) >= 4 else max(widths)
    short = full * SHORT_LINE_RATIO
    first_address = next((i for i, line in enumerate(lines) if ADDRESS.match(line)), None)
    paragraphs: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        front_title = first_address is not None and index < first_address
        if front_title or is_title_line(line):
            if current:
                paragraphs.append(current)
                current = ""
            paragraphs.append(line)
            continue
        current += line
        following = lines[index + 1] if index + 1 < len(lines) else None
        ends = line.endswith(tuple(END_PUNCTUATION))
        if following is None or (
            ends and (line_widths[index] < short or opens_paragraph(following))
        ):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def parse_report(text: str, source: str = "<text>") -> Document:
    """Return the document of a report's text: paragraphs with part, chapter and heading."""
    lines = clean_lines(text)
    texts = lines if is_tab_layout(text) else join_wrapped(lines)
    return Document(source, tuple(_classify(texts)))


def _classify(texts: list[str]) -> list[Paragraph]:
    """Return paragraphs with part, chapter, chapter title and heading assigned."""
    has_parts = any(REVIEW_HEADING.match(t) or PLAN_HEADING.match(t) for t in texts)
    parts = _parts_from_headings(texts) if has_parts else _parts_inferred(texts)
    two_follows = _next_plan_title_is_two(texts, parts)
    result = []
    chapter = chapter_title = None
    previous_part = None
    for number, (text, part) in enumerate(zip(texts, parts, strict=True), start=1):
        if part != previous_part or ADDRESS.match(text):
            chapter = chapter_title = None
        previous_part = part
        heading = None
        marker = CHAPTER_MARKER.match(text)
        if marker and part in ("review", "plan"):
            chapter = f"（{marker.group(1)}）"
            rest = text[marker.end() :]
            if is_title_line(text):
                chapter_title = rest.strip()
            else:
                inline = INLINE_CHAPTER_HEADING.match(rest)
                chapter_title = inline.group(1) if inline else None
                heading = chapter_title
        elif (
            part == "plan"
            and chapter is None
            and number > 1
            and HEADING_SENTENCE.match(text)
            and two_follows[number - 1]
        ):
            chapter, chapter_title = "（一）", None
        if heading is None and not marker:
            match = HEADING_SENTENCE.match(text)
            heading = match.group(1) if match and part in ("review", "plan") else None
        result.append(Paragraph(number, part, chapter, chapter_title, heading, text))
    return result


def _next_plan_title_is_two(texts: list[str], parts: list[str]) -> list[bool]:
    """Return, per paragraph, True when the first plan chapter title from it on is （二）.

    A headed plan paragraph before that title starts chapter （一）, whose title was lost.
    """
    result = [False] * len(texts)
    following = False
    for index in range(len(texts) - 1, -1, -1):
        if parts[index] == "plan" and is_title_line(texts[index]):
            marker = CHAPTER_MARKER.match(texts[index])
            following = bool(marker) and marker.group(1) == "二"
        result[index] = following
    return result


def _parts_from_headings(texts: list[str]) -> list[str]:
    """Return each paragraph's part, switching at the part headings."""
    parts = []
    part = "front"
    for text in texts:
        if REVIEW_HEADING.match(text):
            part = "review"
        elif PLAN_HEADING.match(text):
            part = "plan"
        elif ANNEX_HEADING.match(text) and part != "front":
            part = "annex"
        parts.append(part)
    return parts


def _parts_inferred(texts: list[str]) -> list[str]:
    """Return each paragraph's part for a report without part headings."""
    parts = []
    in_front = True
    for text in texts:
        if in_front and (any(p in text for p in "。，；") or ADDRESS.match(text)):
            in_front = False
        parts.append("front" if in_front else "review")
    first_plan = next(
        (
            i
            for i, (t, p) in enumerate(zip(texts, parts, strict=True))
            if p == "review" and is_title_line(t)
        ),
        None,
    )
    if first_plan is None:
        return parts
    start = first_plan
    while (
        start > 0
        and HEADING_SENTENCE.match(texts[start - 1])
        and not CHAPTER_MARKER.match(texts[start - 1])
    ):
        start -= 1
    for i in range(start, len(parts)):
        if parts[i] == "review":
            parts[i] = "plan"
    return parts
