"""Check that a quote really is in its report, and find the closest passage when it is not.

Matching is done on normalised text: NFKC folds full-width forms (６９００ → 6900, （ → (,
Ａ → A), all whitespace and line breaks are dropped, and footnote markers (〔1〕, ［2］) are
removed. Nothing else is folded: a different character or figure is a different quote.
"""

from __future__ import annotations

import difflib
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from loaders.report import FOOTNOTE_MARKER, Document


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """Where a quote is: a paragraph number and the span of its text."""

    paragraph: int
    start: int
    end: int


def normalise(text: str) -> str:
    """Return text folded for matching: NFKC, no whitespace, no footnote markers."""
    return "".join(FOOTNOTE_MARKER.sub("", unicodedata.normalize("NFKC", text)).split())


@dataclass(frozen=True)
class _Index:
    """A document's normalised text, with maps back to paragraphs and original offsets."""

    text: str
    starts: list[int]  # offset in `text` where each paragraph starts
    offsets: list[list[int]]  # per paragraph: original offset of each normalised character


def _paragraph_index(text: str) -> tuple[str, list[int]]:
    """Return a paragraph's normalised text and, per character, its offset in the original."""
    chars: list[str] = []
    offsets: list[int] = []
    masked = FOOTNOTE_MARKER.sub(lambda m: "\0" * len(m.group()), text)
    for position, ch in enumerate(masked):
        if ch == "\0":
            continue
        for folded in unicodedata.normalize("NFKC", ch):
            if not folded.isspace():
                chars.append(folded)
                offsets.append(position)
    return "".join(chars), offsets


def _index(document: Document) -> _Index:
    """Return the document's normalised index, built once and kept on the document."""
    cached = document._index.get("quotes")
    if cached is None:
        parts, starts, offsets = [], [], []
        position = 0
        for paragraph in document.paragraphs:
            normalised, char_offsets = _paragraph_index(paragraph.text)
            starts.append(position)
            parts.append(normalised)
            offsets.append(char_offsets)
            position += len(normalised) + 1
        cached = _Index("\n".join(parts), starts, offsets)
        document._index["quotes"] = cached
    return cached


def find_quote(document: Document, quote: str) -> QuoteMatch | None:
    """Return where the quote is in the document (within one paragraph), or None."""
    needle = normalise(quote)
    if not needle:
        return None
    index = _index(document)
    found = index.text.find(needle)
    if found < 0:
        return None
    paragraph = bisect_right(index.starts, found) - 1
    local = found - index.starts[paragraph]
    offsets = index.offsets[paragraph]
    start = offsets[local]
    end = offsets[local + len(needle) - 1] + 1
    return QuoteMatch(paragraph + 1, start, end)


def find_quotes(document: Document, quote: str) -> list[QuoteMatch]:
    """Return every place the quote is in the document, in order (find_quote gives the first)."""
    needle = normalise(quote)
    if not needle:
        return []
    index = _index(document)
    matches = []
    found = index.text.find(needle)
    while found >= 0:
        paragraph = bisect_right(index.starts, found) - 1
        local = found - index.starts[paragraph]
        offsets = index.offsets[paragraph]
        end = offsets[local + len(needle) - 1] + 1
        matches.append(QuoteMatch(paragraph + 1, offsets[local], end))
        found = index.text.find(needle, found + 1)
    return matches


def closest_passage(document: Document, quote: str, context: int = 0) -> str:
    """Return the passage of the document most like the quote, as the report writes it."""
    needle = normalise(quote)
    index = _index(document)
    if not needle or not index.text:
        return ""
    best_score, best_paragraph, best_start = -1.0, 0, 0
    size = len(needle)
    wanted = set(needle)
    for number, start in enumerate(index.starts):
        end = index.starts[number + 1] - 1 if number + 1 < len(index.starts) else len(index.text)
        text = index.text[start:end]
        if not wanted & set(text):
            continue
        step = max(1, size // 4)
        for offset in range(0, max(1, len(text) - size + 1), step):
            window = text[offset : offset + size]
            matcher = difflib.SequenceMatcher(None, needle, window, autojunk=False)
            if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
                continue
            score = matcher.ratio()
            if score > best_score:
                best_score, best_paragraph, best_start = score, number, offset
    best_start = _refine(needle, index, best_paragraph, best_start)
    offsets = index.offsets[best_paragraph]
    paragraph = document.paragraphs[best_paragraph].text
    if not offsets:
        return ""
    last = min(best_start + size, len(offsets)) - 1
    start = max(0, offsets[best_start] - context)
    end = min(len(paragraph), offsets[last] + 1 + context)
    return paragraph[start:end]


def _refine(needle: str, index: _Index, paragraph: int, start: int) -> int:
    """Return the best window start near a coarse one, trying each offset around it."""
    base = index.starts[paragraph]
    length = len(index.offsets[paragraph])
    size = len(needle)
    best_score, best = -1.0, start
    for offset in range(max(0, start - size // 4 - 1), min(length, start + size // 4 + 2)):
        window = index.text[base + offset : base + min(offset + size, length)]
        score = difflib.SequenceMatcher(None, needle, window, autojunk=False).ratio()
        if score > best_score:
            best_score, best = score, offset
    return min(best, max(0, length - 1))
