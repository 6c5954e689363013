"""Check that a quote really is in its report, and find the closest passage when it is not.

Matching is done on normalised text: NFKC folds full-width forms (６９００ → 6900, （ → (,
Ａ → A), all whitespace and line breaks are dropped, and footnote markers (〔1〕, ［2］) are
removed. Nothing else is folded: a different character or figure is a different quote.
"""

from __future__ import annotations

import difflib
import heapq
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from loaders.texts.matching import fold, normalise, paragraph_index
from loaders.texts.report import Document


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """Where a quote is: a paragraph number and the span of its text."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class _Index:
    """A document's normalised text, with maps back to paragraphs and original offsets."""

    text: str
    starts: list[int]  # offset in `text` where each paragraph starts
    document: Document
    _offsets: dict[int, list[int]]  # per paragraph, built when a match needs it

    def offsets(self, number: int) -> list[int]:
        """Return, for paragraph `number` (0-based), each normalised character's original offset."""
        found = self._offsets.get(number)
        if found is None:
            found = self._offsets[number] = paragraph_index(self.document.paragraphs[number].text)[
                1
            ]
        return found

    def length(self, number: int) -> int:
        """Return the length of paragraph `number` (0-based) in the normalised text."""
        end = self.starts[number + 1] - 1 if number + 1 < len(self.starts) else len(self.text)
        return end - self.starts[number]


def _index(document: Document) -> _Index:
    """Return the document's normalised index, built once and kept on the document."""
    cached = document._index.get("quotes")
    if cached is None:
        parts, starts = [], []
        position = 0
        for paragraph in document.paragraphs:
            normalised = fold(paragraph.text)
            starts.append(position)
            parts.append(normalised)
            position += len(normalised) + 1
        cached = _Index("\n".join(parts), starts, document, {})
        document._index["quotes"] = cached
    return cached


def contains_quote(document: Document, quote: str) -> bool:
    """Return True when the quote is in the document, within one paragraph."""
    needle = normalise(quote)
    return bool(needle) and needle in _index(document).text


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
    offsets = index.offsets(paragraph)
    start = offsets[local]
    end = offsets[local + len(needle) - 1] + 1
    return QuoteMatch(paragraph + 1, start, end)


def quote_paragraphs(document: Document, quote: str) -> list[int]:
    """Return the number of each paragraph the quote is in, in order: find_quotes without the
    spans, which cost a paragraph's offsets to build."""
    needle = normalise(quote)
    if not needle:
        return []
    index = _index(document)
    numbers = []
    found = index.text.find(needle)
    while found >= 0:
        numbers.append(bisect_right(index.starts, found))
        found = index.text.find(needle, found + 1)
    return numbers


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
        offsets = index.offsets(paragraph)
        end = offsets[local + len(needle) - 1] + 1
        matches.append(QuoteMatch(paragraph + 1, offsets[local], end))
        found = index.text.find(needle, found + 1)
    return matches


def find_across_paragraphs(document: Document, quote: str) -> tuple[int, int] | None:
    """Return the numbers of the first and last paragraphs a quote runs over when it only
    matches across paragraph breaks, else None."""
    needle = normalise(quote)
    index = _index(document)
    if not needle or find_quote(document, quote) is not None:
        return None
    joined = document._index.get("joined")
    if joined is None:
        joined = document._index["joined"] = index.text.replace("\n", "")
    found = joined.find(needle)
    if found < 0:
        return None
    starts = [start - number for number, start in enumerate(index.starts)]
    return bisect_right(starts, found), bisect_right(starts, found + len(needle) - 1)


MAX_WINDOWS = 4000  # windows compared in a document's first pass, however long it is
MAX_NEEDLE = 200  # a longer quote is compared by its first MAX_NEEDLE characters
MAX_RATIOS = 64  # windows given the full (slow) comparison, the most promising first


def closest_passage(document: Document, quote: str, context: int = 0) -> str:
    """Return the passage of the document most like the quote, as the report writes it.

    The work is bounded whatever the sizes: a first pass over at most MAX_WINDOWS windows of
    the whole text, then a finer look around the best one, each comparing in full only the
    MAX_RATIOS windows whose characters overlap the quote's most.
    """
    needle = normalise(quote)[:MAX_NEEDLE]
    index = _index(document)
    if not needle or not index.text:
        return ""
    size = len(needle)
    step = max(1, size // 4, len(index.text) // MAX_WINDOWS)
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(needle)  # the needle's tables are built once
    offsets = range(0, max(1, len(index.text) - size + 1), step)
    _, coarse = _best_window(matcher, ((o, index.text[o : o + size]) for o in offsets))
    first = bisect_right(index.starts, coarse) - 1
    last = bisect_right(index.starts, coarse + size - 1) - 1
    radius = max(size // 4, step) + 1
    candidates = []
    for number in range(first, min(last, first + 3) + 1):
        base, length = index.starts[number], index.length(number)
        local = max(0, coarse - base)
        windows = (
            ((number, o), index.text[base + o : base + min(o + size, length)])
            for o in range(max(0, local - radius), min(length, local + radius + 1))
        )
        candidates.append(_best_window(matcher, windows))
    score, found = max(candidates, key=lambda c: c[0])
    if found is None:
        return ""
    number, best_start = found
    offsets_of = index.offsets(number)
    paragraph = document.paragraphs[number].text
    last_char = min(best_start + size, len(offsets_of)) - 1
    start = max(0, offsets_of[best_start] - context)
    end = min(len(paragraph), offsets_of[last_char] + 1 + context)
    return paragraph[start:end]


def _best_window(matcher: difflib.SequenceMatcher, windows) -> tuple[float, Any]:
    """Return the best ratio to the matcher's needle among (key, text) windows, and its key.

    Of equal ratios the first window wins.
    """
    scored = []
    for order, (key, text) in enumerate(windows):
        matcher.set_seq1(text)
        scored.append((matcher.quick_ratio(), order, key, text))
    best_score, best_order, best_key = -1.0, 0, None
    for quick, order, key, text in heapq.nlargest(MAX_RATIOS, scored, key=lambda s: s[0]):
        if quick < best_score:
            break
        matcher.set_seq1(text)
        score = matcher.ratio()
        if score > best_score or (score == best_score and order < best_order):
            best_score, best_order, best_key = score, order, key
    return best_score, best_key


#: a passage is close to a quote when it holds this share of the quote's two-character words
CLOSE_SHARE = 0.5


def _pairs(text: str) -> set[str]:
    """Return the two-character stretches of a text, folded, as a bag of its words."""
    folded = normalise(text)
    return {folded[i : i + 2] for i in range(len(folded) - 1)}


def passage_sharing_words(document: Document, quote: str) -> str | None:
    """Return the passage most like the quote: by characters (a typo), else the stretch of the
    paragraph that shares the most two-character words with it; None when no paragraph holds
    half of the quote's words (the quote is from another text)."""
    wanted = _pairs(quote)
    if not wanted:
        return None
    passage = closest_passage(document, quote)
    if len(wanted & _pairs(passage)) >= CLOSE_SHARE * len(wanted):
        return passage
    best, best_shared = None, 0
    for paragraph in document.paragraphs:
        shared = len(wanted & _pairs(paragraph.text))
        if shared > best_shared:
            best, best_shared = paragraph.text, shared
    if best is None or best_shared < CLOSE_SHARE * len(wanted):
        return None
    size = len(quote)
    windows = (best[start : start + size] for start in range(max(1, len(best) - size + 1)))
    return max(windows, key=lambda window: len(wanted & _pairs(window)))
