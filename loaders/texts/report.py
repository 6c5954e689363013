"""Read a report's text file into paragraphs, undoing what PDF or web extraction did to it.

This module is longer than most because the layouts are told apart by comparing them (a line
that ends a sentence in a web page breaks off mid-sentence in a wrapped PDF) and share their
cleaning of lines (page numbers, footnote markers, HTML debris), so they live together.

Three layouts are recognised:

- **wrapped** (the 2022 report, PDF extraction): a hard line break every ~30 characters, even
  inside numbers (``学位 6900`` / ``个以上``), blank lines between lines, footnote markers 〔1〕
  on lines of their own or inline, page-number lines (``— 22 —``, ``- 1 -``, ``·1·``,
  ``第 1 页``), a running page header (the title line repeated after a page number) and a
  leading space where a PDF page starts. Lines are joined with nothing in between; a paragraph
  ends at a line ending in 。！？： that is clearly shorter than a full line, or that is followed
  by a line opening a new paragraph (a chapter marker （一）, a heading sentence such as
  持续激发消费活力。, 各位代表, a part heading or an annex note ``1.``). Title lines (part
  headings, chapter titles without 。, the title block) stand alone; a part heading too long
  for one line is joined with its second line. A footnote marker right
  after a sentence's end (``。〔9〕``) does not glue the next line on.
- **tab** (the 2024 excerpt): most lines start with a tab; one paragraph a line.
- **lines** (web pages, word-processor exports): one paragraph a line with no tab; told from
  a wrapped text by its prose lines, which end a sentence (。！？；：) instead of breaking off
  mid-sentence. HTML debris at a line's end (``&nbsp;``, ``&&``) is dropped, and HTML
  character references left in the text (``&ldquo;十五五&rdquo;``, ``&mdash;``) are read.

Parts (front, review, plan, annex) are found by loaders.texts.parts: part headings in many wordings,
else chapter numbering, else the wording of each paragraph; `plan_starts` (targets.yaml) names
the plan's opening words when the rules get a report wrong. Traditional characters are read
through loaders.texts.script (the text is kept as written).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from loaders.problems import Problem
from loaders.textfile import TextKind, read_text
from loaders.texts.matching import FOOTNOTE_MARKER, locate
from loaders.texts.parts import (
    ADDRESS,
    CHAPTER_MARKER,
    EXCERPT_OPENING,
    HEADING_SENTENCE,
    MAX_HEADING,
    NEWS_CLOSING,
    NEWS_LEAD,
    OPENING_ADDRESS,
    Structure,
    assign_parts,
    heading_kind,
    is_annex_heading,
    is_part_title,
)

MAX_REPORT_BYTES = 20 * 1024 * 1024

FOOTNOTE_AT_END = re.compile(FOOTNOTE_MARKER.pattern + r"$")
PAGE_NUMBER_LINE = re.compile(
    r"^[\s—–\-－·•]*(?:第\s*)?\d{1,4}(?:\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|\s*/\s*\d{1,4})?"
    r"[\s—–\-－·•]*$"
)
HTML_DEBRIS = re.compile(r"(?:&nbsp;|&#160;|&amp;|&&|\s)+$")
PAGE_NOTE = re.compile(r"^[\u2460-\u2473]")  # ① … ⑳ opening a note at a page's bottom
PAGE_NOTE_LINES = 6  # the most lines the notes at one page's bottom take
PAGE_LINES = 60  # the most lines of a page: where a note's reference is looked for
# a tag left by copying a page's source: <p>, </p>, <strong>, <br/>, <div class="info">
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
HTML_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#x[0-9A-Fa-f]{2,5});")
# a bullet (●, the middle dot ·), a 【section】 or an item number (1. 新建…, 2、, 01 产业升级)
# opening a line
LIST_ITEM = re.compile(r"^\s*(?:[■□●○◆◇▲△▶►•★☆【·・‧]|\d{1,2}\s*[.．、](?!\d)|0\d\s)")
INLINE_CHAPTER_HEADING = re.compile(r"^([^。！？]{2,40})。")
ANNEX_NOTE = re.compile(r"^\d{1,2}\s*[.．](?!\d)")
END_PUNCTUATION = "。！？：!?:"
SENTENCE_END = "。！？!?"
SENTENCE_ENDINGS = tuple(SENTENCE_END)
LINE_ENDS = "。！？：；!?:;…”’」）)】]"
NOTE_AFTER_SENTENCE = re.compile(r"(?<=[。！？])\d{1,2}$")
SHORT_LINE_RATIO = 0.8
MIN_LINES_FOR_LAYOUT = 8
OPEN_LINES_RATIO = 0.1
ENUMERATOR_ONLY = re.compile(r"[\s一二三四五六七八九十第部分、.．（）()]*")  # before the words
HEADER_LINES = 5  # the first lines of a text, whose repetition after a page number is a header

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
    structure: Structure | None = field(default=None, compare=False)

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


def read_report(
    path: str | Path,
    name: str | None = None,
    plan_year: int | None = None,
    plan_starts: str | None = None,
) -> ReportResult:
    """Return the document of a report file, or the problems that make it unreadable.

    `plan_year` and `plan_starts` are passed to parse_report.
    """
    path = Path(path)
    name = name or f"{path.parent.name}/{path.name}" if path.parent.name else path.name
    text, problems = read_text(path, name, REPORT_TEXT)
    if text is None:
        return ReportResult(None, problems)
    document = parse_report(text, name, plan_year, plan_starts)
    if not document.paragraphs:
        message = "the report has no text: is it the right file?"
        return ReportResult(None, [Problem(name, None, None, None, message, code="empty-file")])
    return ReportResult(document, [])


def clean_lines(text: str) -> list[str]:
    """Return the text's lines without blank lines, page numbers, markers and page-start space."""
    return _clean_lines(text)[0]


def _clean_lines(text: str) -> tuple[list[str], frozenset[int]]:
    """Return the text's cleaned lines and the indexes of the lines that open a note.

    A footnote marker is a superscript the PDF put on a line of its own (or at a line's edge),
    so the lines around it were one line on the page: they are glued back together, which keeps
    the line-width test of join_wrapped honest — unless the marker follows a sentence's end
    (``。〔9〕``), where the next line may be a heading. A running page header (one of the
    first lines of the text repeated right after a page-number line) is dropped, and so is HTML
    debris at a line's end (``&nbsp;``, ``&&``) and HTML tags copied with a page's source
    (``<p>``, ``<br/>``) are dropped; character references (``&ldquo;``) are read. A line that opens with a marker after a
    complete line (``〔2〕省级…`` under 名词解释) opens a note: a paragraph of its own.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines: list[list[str]] = []  # each line as its glued pieces, joined once at the end
    glue_next = after_page_number = False
    ending = ""  # the last non-empty piece of the line being built
    notes: set[int] = set()
    first_lines: list[str] = []
    page_notes: list[str] = []  # notes printed at a page's bottom, moved to the text's end
    for raw in text.split("\n"):
        if "<" in raw:
            raw = HTML_TAG.sub("", raw)
        line = (_unescape(HTML_DEBRIS.sub("", raw)) if "&" in raw else raw).strip()
        if not line:
            continue
        if PAGE_NUMBER_LINE.match(line):
            page_notes += _pop_page_notes(lines)
            ending = lines[-1][-1] if lines else ""
            after_page_number = True
            continue
        if after_page_number and line in first_lines and len(line) >= 4:
            after_page_number = False
            continue
        after_page_number = False
        if len(first_lines) < HEADER_LINES:
            first_lines.append(line)
        starts_with_marker = FOOTNOTE_MARKER.match(line) is not None
        ends_with_marker = FOOTNOTE_AT_END.search(line) is not None
        cleaned = (
            FOOTNOTE_MARKER.sub("", line).strip()
            if "[" in line or "〔" in line or "［" in line
            else line
        )
        opens_note = (
            starts_with_marker
            and bool(cleaned)
            and bool(lines)
            and (
                ending.endswith(SENTENCE_ENDINGS)
                or (len(lines[-1]) == 1 and is_title_line(lines[-1][0]))
            )
        )
        if lines and (glue_next or starts_with_marker) and not opens_note:
            lines[-1].append(cleaned)
            ending = cleaned or ending
        elif cleaned:
            if opens_note:
                notes.add(len(lines))
            lines.append([cleaned])
            ending = cleaned
        glue_next = ends_with_marker and bool(lines) and not ending.endswith(SENTENCE_ENDINGS)
    for note in page_notes:
        notes.add(len(lines))
        lines.append([note])
    joined = list(map("".join, lines))
    kept = [index for index, line in enumerate(joined) if line]
    renumber = {old: new for new, old in enumerate(kept)}
    return [joined[i] for i in kept], frozenset(renumber[i] for i in notes if i in renumber)


def _pop_page_notes(lines: list[list[str]]) -> list[str]:
    """Return the notes printed at the bottom of the page that just ended, taken off `lines`.

    A page note opens with a circled number (①) that the text before it holds as a reference,
    right after a word (路”①全覆盖, not an enumeration after ：；or a line's start); it may be
    wrapped onto more lines. The page's body goes on after the page break, so the notes come out
    of its way (to the end of the text: the reader puts them in the annex).
    """
    window = lines[-PAGE_NOTE_LINES:]
    first = next(
        (
            index
            for index, pieces in enumerate(window)
            if len(pieces) == 1
            and PAGE_NOTE.match(pieces[0])
            and _referenced(pieces[0][0], lines[: len(lines) - len(window) + index])
        ),
        None,
    )
    if first is None:
        return []
    taken = ["".join(pieces) for pieces in window[first:]]
    del lines[len(lines) - len(window) + first :]
    notes: list[str] = []
    for line in taken:
        if PAGE_NOTE.match(line) or not notes:
            notes.append(line)
        else:
            notes[-1] += line
    return notes


def _referenced(marker: str, lines: list[list[str]]) -> bool:
    """Return True when a note marker (①) stands right after a word in the last page of lines."""
    text = "\n".join("".join(pieces) for pieces in lines[-PAGE_LINES:])
    return re.search(rf"[^\s，。；：、,.;:（(]{re.escape(marker)}", text) is not None


def _unescape(line: str) -> str:
    """Return a line with HTML character references a web page left in it read (&ldquo; → “).

    An entity's ; is no semicolon of the text, and &nbsp; is a space.
    """
    return html.unescape(line) if HTML_ENTITY.search(line) else line


def is_tab_layout(text: str) -> bool:
    """Return True when most non-blank lines start with a tab: one paragraph a line."""
    lines = [line for line in text.splitlines() if line.strip()]
    tabbed = sum(1 for line in lines if line.startswith("\t") or line.startswith(" \t"))
    return bool(lines) and tabbed >= 0.6 * len(lines)


def is_line_layout(lines: list[str]) -> bool:
    """Return True when a text without tabs has one paragraph a line (web, word processor).

    Its prose lines (lines holding 。，；) end a sentence; a PDF's wrapped lines mostly break
    off mid-sentence. A note number glued after the last 。 (``解决。5``) still ends one, and
    so does a line followed by a list item (■ …, 【…】): a bulleted page's items end unpunctuated.
    """
    if len(lines) < MIN_LINES_FOR_LAYOUT:
        return False
    prose = [index for index, line in enumerate(lines) if any(mark in line for mark in "。，；,;")]
    if len(prose) < MIN_LINES_FOR_LAYOUT // 2:
        return False
    most_open = OPEN_LINES_RATIO * len(prose)
    open_lines = 0
    for index in prose:
        if (
            index + 1 < len(lines)  # the last line breaks off nothing
            and not NOTE_AFTER_SENTENCE.sub("", lines[index]).endswith(tuple(LINE_ENDS))
            and not LIST_ITEM.match(lines[index + 1])
        ):
            open_lines += 1
            if open_lines > most_open:
                return False  # wrapped: no need to read on
    return True


def is_title_line(line: str) -> bool:
    """Return True for lines that stand alone: part headings and chapter titles without 。."""
    if heading_kind(line) is not None or is_annex_heading(line) or is_part_title(line):
        return True
    return bool(CHAPTER_MARKER.match(line)) and not any(p in line for p in "。；;")


def is_wrapped_heading(line: str, following: str) -> bool:
    """Return True when a line and the next are one part heading too long for a line
    (二、2024年…主要预期目标和重点工作任 / 务)."""
    return (
        len(line) + len(following) <= MAX_HEADING
        and not any(mark in following for mark in "。，；,;：:")
        and not is_title_line(line)
        and heading_kind(line + following) in ("review", "plan")
    )


def opens_paragraph(line: str) -> bool:
    """Return True when a line can only be the start of a paragraph."""
    return bool(
        CHAPTER_MARKER.match(line)
        or HEADING_SENTENCE.match(line)
        or ADDRESS.match(line)
        or ANNEX_NOTE.match(line)
        or NEWS_LEAD.match(line)
        or NEWS_CLOSING.match(line)
        or is_title_line(line)
    )


def join_wrapped(lines: list[str], notes: frozenset[int] = frozenset()) -> list[str]:
    """Return the paragraphs of a hard-wrapped text, its broken lines joined; the lines whose
    index is in `notes` open a paragraph."""
    if not lines:
        return []
    line_widths = [display_width(line) for line in lines]
    widths = sorted(line_widths)
    full = widths[int(len(widths) * 0.75)] if len(widths) >= 4 else max(widths)
    short = full * SHORT_LINE_RATIO
    first_address = next((i for i, line in enumerate(lines) if OPENING_ADDRESS.match(line)), None)
    paragraphs: list[str] = []
    current = ""
    heading_end = -1  # the second line of a part heading wrapped onto two lines
    for index, line in enumerate(lines):
        if index == heading_end:
            continue
        front_title = first_address is not None and index < first_address
        following = lines[index + 1] if index + 1 < len(lines) else None
        if not front_title and following is not None and is_wrapped_heading(line, following):
            line, heading_end = line + following, index + 1
        if front_title or index + 1 == heading_end or is_title_line(line):
            if current:
                paragraphs.append(current)
                current = ""
            paragraphs.append(line)
            continue
        if current and EXCERPT_OPENING.match(line) and not any("。" in p for p in paragraphs):
            paragraphs.append(current)  # the title lines before an excerpt's opening ……
            current = ""
        current += line
        ends = line.endswith(tuple(END_PUNCTUATION))
        if following is None or (
            ends
            and (line_widths[index] < short or index + 1 in notes or opens_paragraph(following))
        ):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def parse_report(
    text: str,
    source: str = "<text>",
    plan_year: int | None = None,
    plan_starts: str | None = None,
) -> Document:
    """Return the document of a report's text: paragraphs with part, chapter and heading.

    `plan_year` is the year the report plans for (its date in targets.yaml), read from the text
    when not given; `plan_starts` the verbatim opening words of the plan part, when the rules
    of loaders.texts.parts get a report wrong (the plan then starts at the paragraph holding them,
    split off if the words start inside one).
    """
    lines, notes = _clean_lines(text)
    if is_tab_layout(text):
        layout, texts = "tab", lines
    elif is_line_layout(lines):
        layout, texts = "lines", lines
    else:
        layout, texts = "wrapped", join_wrapped(lines, notes)
    plan_start = None
    if plan_starts:
        texts, plan_start = split_at_words(texts, plan_starts)
    year_from = "targets.yaml" if plan_year else ""
    note_lines = [lines[index] for index in sorted(notes)]
    note_paragraphs = frozenset(
        index
        for index, text in enumerate(texts)
        if note_lines and text.startswith(tuple(note_lines))
    )
    parts, structure = assign_parts(
        texts, plan_year, plan_start, layout, year_from, note_paragraphs
    )
    return Document(source, tuple(_classify(texts, parts)), structure=structure)


def split_at_words(texts: list[str], words: str) -> tuple[list[str], int | None]:
    """Return the paragraphs with the one holding `words` split where they start, and the
    index of the paragraph they open (None when they are not in the text)."""

    for index, text in enumerate(texts):
        span = locate(text, words)
        if span is None:
            continue
        start = span[0]
        if ENUMERATOR_ONLY.fullmatch(text[:start]):
            return texts, index
        return [*texts[:index], text[:start].rstrip(), text[start:], *texts[index + 1 :]], index + 1
    return texts, None


def _classify(texts: list[str], parts: list[str]) -> list[Paragraph]:
    """Return paragraphs with part, chapter, chapter title and heading assigned."""
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
            following = marker is not None and marker.group(1) == "二"
        result[index] = following
    return result
