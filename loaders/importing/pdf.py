"""A PDF's text read by PDFium (pypdfium2), each line with its box, then made into paragraphs
(loaders.importing.pages).

PDFium was chosen by measurement on SYNTHETIC Chinese reports printed by Chromium: pypdf and
pdfminer.six read many characters of the printed fonts as Kangxi and CJK radicals (⼈ for 人,
⻓ for 长), which no quote would match; PDFium reads them as written (docs/importing.md).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from loaders.importing.errors import ImportRefused
from loaders.importing.pages import Line, paragraphs_of

#: characters PDFium inserts where it sees a line break; lines are found from the boxes instead
_GENERATED = {"\r", "\n", "\x02", "\ufffe"}
MIN_CHARACTERS = 20  # fewer characters of text than this in the whole file: a scanned document


def pdf_paragraphs(path: Path) -> list[str]:
    """Return the paragraphs of a PDF file's text layer, or raise ImportRefused."""
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise ImportRefused(
                f"{path.name}: the PDF is encrypted (needs a password): open it with its password and "
                "save an unprotected copy (print it to PDF), then import that"
            ) from error
        raise ImportRefused(
            f"{path.name}: not a readable PDF ({error}): is it the right file?"
        ) from error
    try:
        pages = [_page_lines(document[number]) for number in range(len(document))]
    finally:
        document.close()
    characters = sum(len(line.text.strip()) for page in pages for line in page)
    if characters < MIN_CHARACTERS:
        raise ImportRefused(
            f"{path.name}: the PDF has no text layer (a scan of {len(pages)} page(s)): find a "
            "text version (the web page, a Word file) or run it through OCR, then import that"
        )
    return paragraphs_of(pages)


def _page_lines(page: pdfium.PdfPage) -> list[Line]:
    """Return a page's lines of text, top to bottom, each with the box of its characters."""
    text_page = page.get_textpage()
    lines: list[Line] = []
    chars: list[str] = []
    box: list[float] = []  # left, bottom, right, top of the line being built
    try:
        for index in range(text_page.count_chars()):
            char = text_page.get_text_range(index, 1)
            if not char or char in _GENERATED:
                continue
            left, bottom, right, top = text_page.get_charbox(index, loose=True)
            if char.isspace() or right <= left:
                if chars:
                    chars.append(" ")
                continue
            if box and not _same_line(box, left, bottom, top):
                lines.append(_line(chars, box))
                chars, box = [], []
            chars.append(char)
            box = [left, bottom, right, top] if not box else _grow(box, left, bottom, right, top)
        if chars:
            lines.append(_line(chars, box))
    finally:
        text_page.close()
        page.close()
    return lines


def _same_line(box: list[float], left: float, bottom: float, top: float) -> bool:
    """Return True when a character continues the line in box: level with it (either's middle
    within the other: a dash's box is a thin stroke) and not back to the left of its end."""
    middle, line_middle = (bottom + top) / 2, (box[1] + box[3]) / 2
    level = box[1] <= middle <= box[3] or bottom <= line_middle <= top
    return level and left >= box[2] - max(top - bottom, box[3] - box[1])


def _grow(box: list[float], left: float, bottom: float, right: float, top: float) -> list[float]:
    """Return a box grown to hold another character's box."""
    return [min(box[0], left), min(box[1], bottom), max(box[2], right), max(box[3], top)]


def _line(chars: list[str], box: list[float]) -> Line:
    """Return a line of its characters and box, runs of spaces made one."""
    text = " ".join("".join(chars).split())
    return Line(text, box[0], box[2], box[1], box[3])
