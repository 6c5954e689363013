"""Lines of printed pages made into paragraphs: running headers, footers and page numbers dropped,
a paragraph's lines joined by where they stand on the page.

A PDF gives each line of text its box. A paragraph starts at a line indented from the page's
left margin (the first-line indent of a Chinese report, a centred title) or after a line that
stops short of the right margin, and ends at a line that stops short (in ragged-right text, a
line a few characters short that does not end a sentence goes on); a change of font size also
parts them. A line at the top or bottom of a page is a running header or footer when it
is a page number (— 3 —, - 3 -, 第3页, 3/12) or when the same words (numbers aside) stand at the
edge of most pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from statistics import median

from loaders.texts.report import PAGE_NUMBER_LINE

EDGE_LINES = 2  # lines at each edge of a page that may be a header or a footer
REPEATED_SHARE = 0.5  # a header's words stand at the edge of at least this share of pages
#: how many characters short of the right margin a line of ragged-right text may stop, where a
#: number or a word did not fit, and go on in the next line (unless it ends a sentence)
RAGGED = 5
ENDINGS = tuple("。！？：；!?:;")
_DIGITS = re.compile(r"\d+")
_LATIN_END = re.compile(r"[A-Za-z]$")
_LATIN_START = re.compile(r"^[A-Za-z]")


@dataclass(frozen=True)
class Line:
    """A line of text on a page and its box, in points from the page's bottom left."""

    text: str
    left: float
    right: float
    bottom: float
    top: float

    @property
    def height(self) -> float:
        """Return the line's height: its font size, near enough."""
        return self.top - self.bottom


def is_page_number(text: str) -> bool:
    """Return True when a line is only a page number (— 3 —, - 3 -, 第3页, 3/12, ·3·)."""
    return bool(PAGE_NUMBER_LINE.match(text.strip()))


def _shape(text: str) -> str:
    """Return a line's words with numbers and spaces left out, to spot a running header."""
    return _DIGITS.sub("#", "".join(text.split()))


def drop_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Return the pages without their page numbers and running headers and footers."""
    edges = [
        set(range(min(EDGE_LINES, len(page))))
        | set(range(max(0, len(page) - EDGE_LINES), len(page)))
        for page in pages
    ]
    seen: Counter[str] = Counter()
    for page, indexes in zip(pages, edges, strict=True):
        seen.update({_shape(page[i].text) for i in indexes})
    needed = max(2, round(len(pages) * REPEATED_SHARE))
    running = {shape for shape, count in seen.items() if count >= needed and shape.strip("#")}
    kept = []
    for page, indexes in zip(pages, edges, strict=True):
        kept.append(
            [
                line
                for i, line in enumerate(page)
                if i not in indexes
                or not (is_page_number(line.text) or _shape(line.text) in running)
            ]
        )
    return kept


def paragraphs_of(pages: list[list[Line]]) -> list[str]:
    """Return the paragraphs of pages of lines (headers, footers and page numbers dropped)."""
    lines = [line for page in drop_running_lines(pages) for line in page if line.text.strip()]
    if not lines:
        return []
    size = median(line.height for line in lines)
    left = _margin([line.left for line in lines], min)
    right = _margin([line.right for line in lines], max)
    paragraphs: list[list[str]] = []
    open_paragraph = False
    previous: Line | None = None
    wrapped_title = False  # the line before is a centred title that went on to this line
    for line in lines:
        indented = line.left >= left + 0.8 * size
        resized = previous is not None and abs(line.height - previous.height) > 0.15 * size
        title = _is_title(line, left, right, size)
        if not (open_paragraph and not indented or wrapped_title and title) or resized:
            paragraphs.append([])
        paragraphs[-1].append(line.text.strip())
        wrapped_title = title and line.right - line.left >= right - left - 5 * size
        open_paragraph = not title and (
            line.right >= right - 1.5 * size
            or (line.right >= right - RAGGED * size and not line.text.endswith(ENDINGS))
        )
        previous = line
    return [_join(parts) for parts in paragraphs]


def _margin(edges: list[float], outermost: Callable[[list[int]], int]) -> int:
    """Return a margin: the outermost edge that two lines or more share (else the outermost),
    so that one stray line does not move it."""
    counts = Counter(round(edge) for edge in edges)
    shared = [edge for edge, count in counts.items() if count >= 2]
    return outermost(shared or list(counts))


def _is_title(line: Line, left: float, right: float, size: float) -> bool:
    """Return True when a line is centred between the margins (a title, a date line)."""
    before, after = line.left - left, right - line.right
    return before > 0.5 * size and abs(before - after) < 0.3 * size


def _join(parts: list[str]) -> str:
    """Return a paragraph's lines joined: nothing between Chinese text, a space between words."""
    text = parts[0]
    for part in parts[1:]:
        space = " " if _LATIN_END.search(text) and _LATIN_START.match(part) else ""
        text += space + part
    return text
