"""Text-level matching: text folded as quotes are (NFKC, no whitespace, no footnote markers),
and a quote's span found in one text. Imports no Document, so both the report reader and the
quote searches use it."""

from __future__ import annotations

import re
import unicodedata

#: a footnote marker in a report's text (〔1〕, ［2］, [3]): dropped for matching
FOOTNOTE_MARKER = re.compile(r"[〔［\[]\s*\d{1,3}\s*[〕］\]]")


def normalise(text: str) -> str:
    """Return text folded for matching: NFKC, no whitespace, no footnote markers."""
    return "".join(FOOTNOTE_MARKER.sub("", unicodedata.normalize("NFKC", text)).split())


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Return the span of a quote in one text (normalised as for quotes), or None."""
    needle = normalise(quote)
    if not needle:
        return None
    folded, offsets = paragraph_index(text)
    found = folded.find(needle)
    if found < 0:
        return None
    return offsets[found], offsets[found + len(needle) - 1] + 1


def paragraph_index(text: str) -> tuple[str, list[int]]:
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


_FOLDS: dict[int, str] = {0: ""}  # character -> what it becomes in the normalised text


_FOLDED: set[str] = {"\0"}  # the characters _FOLDS knows


MAX_FOLDS = 100_000


def fold(text: str) -> str:
    """Return a paragraph's normalised text, as paragraph_index gives it, by str.translate."""
    if len(_FOLDS) > MAX_FOLDS:
        _FOLDS.clear()
        _FOLDED.clear()
    for ch in set(text) - _FOLDED:
        folded = unicodedata.normalize("NFKC", ch)
        _FOLDS[ord(ch)] = "".join(c for c in folded if not c.isspace()) if ch != "\0" else ""
        _FOLDED.add(ch)
    return FOOTNOTE_MARKER.sub("", text).translate(_FOLDS)
